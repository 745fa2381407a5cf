import { describe, expect, it } from "vitest";
import { call, memberKey, newMember, newTenant } from "./harness";

describe("dues", () => {
  it("computes the monthly due from the 2008 regulation", async () => {
    const t = await newTenant();
    const m = await newMember(t.branch.id, t.branchKey);
    const put = (body: object) =>
      call(`/v1/branches/${t.branch.id}/members/${m.id}/dues-basis`, {
        method: "PUT",
        key: t.branchKey,
        body: { year: 2026, ...body },
      });
    expect((await put({ category: "employed", monthlyIncome: 8000 })).body).toMatchObject({
      monthlyDue: 120,
      version: 1,
    });
    expect((await put({ category: "employed", monthlyIncome: 12000 })).body).toMatchObject({
      monthlyDue: 240,
      version: 2,
    });
    expect((await put({ category: "retired", monthlyIncome: 4000 })).body.monthlyDue).toBe(20);
    expect((await put({ category: "farmer", fixedAmount: 0.5 })).body.monthlyDue).toBe(0.5);
    expect((await put({ category: "student" })).body.monthlyDue).toBe(0.2);
  });

  it("records payments by the rules and reports arrears", async () => {
    const t = await newTenant();
    const m = await newMember(t.branch.id, t.branchKey, { joinedOn: "2010-07-01" });
    const late = await newMember(t.branch.id, t.branchKey, {
      name: "欠费",
      idNumber: null,
      joinedOn: "2010-07-01",
    });
    for (const id of [m.id, late.id]) {
      await call(`/v1/branches/${t.branch.id}/members/${id}/dues-basis`, {
        method: "PUT",
        key: t.branchKey,
        body: { year: 2026, category: "employed", monthlyIncome: 8000 },
      });
    }
    const pay = (memberId: string, month: string, amount = 120) =>
      call(`/v1/branches/${t.branch.id}/dues/payments`, {
        key: t.branchKey,
        body: { memberId, month, amount, paidOn: "2026-11-20" },
      });
    for (const month of ["2026-09", "2026-10", "2026-11"]) expect((await pay(m.id, month)).status).toBe(201);
    expect((await pay(late.id, "2026-06")).status).toBe(201);

    const dup = await pay(m.id, "2026-11");
    expect(dup.status).toBe(409);
    const under = await pay(late.id, "2026-07", 100);
    expect(under.status).toBe(422);
    expect(under.body.errors[0].rule).toBe("dues_below_basis");

    const month = await call(`/v1/branches/${t.branch.id}/dues?month=2026-11`, { key: t.branchKey });
    expect(month.status).toBe(200);
    expect(month.body.totals).toEqual({ expected: 240, collected: 120, membersDue: 2, membersPaid: 1 });
    const line = (id: string) => month.body.items.find((i: { memberId: string }) => i.memberId === id);
    expect(line(m.id)).toMatchObject({
      monthlyDue: 120,
      paid: 120,
      consecutiveUnpaid: 0,
      arrearsSeverity: "none",
    });
    expect(line(late.id)).toMatchObject({ paid: 0, consecutiveUnpaid: 5, arrearsSeverity: "warning" });
    expect(line(late.id).arrearsMonths).toEqual(
      expect.arrayContaining(["2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]),
    );
    // a month that has ended: every unpaid month in it is late
    expect(line(late.id).lateMonths).toEqual(line(late.id).arrearsMonths);

    // each member reads their own line, the same as the secretary's, and no one else's
    for (const who of [m, late]) {
      const key = await memberKey(t.branch.id, who.id, t.branchKey);
      const own = await call(`/v1/branches/${t.branch.id}/dues?month=2026-11`, { key });
      expect(own.status).toBe(200);
      expect(own.body.items).toEqual([line(who.id)]);
      expect(own.body.nextCursor).toBeNull();
    }
  });

  it("does not take dues from people who are not yet members", async () => {
    const t = await newTenant();
    const a = await newMember(t.branch.id, t.branchKey, { status: "activist", joinedOn: null });
    const r = await call(`/v1/branches/${t.branch.id}/members/${a.id}/dues-basis`, {
      method: "PUT",
      key: t.branchKey,
      body: { category: "employed", monthlyIncome: 5000 },
    });
    expect(r.status).toBe(422);
    expect(r.body.errors[0].rule).toBe("dues_party_members_only");
  });

  it("records exactly one payment when the same month is paid twice at once", async () => {
    const t = await newTenant();
    const m = await newMember(t.branch.id, t.branchKey);
    await call(`/v1/branches/${t.branch.id}/members/${m.id}/dues-basis`, {
      method: "PUT",
      key: t.branchKey,
      body: { year: 2026, category: "employed", monthlyIncome: 2000 },
    });
    const send = () =>
      call(`/v1/branches/${t.branch.id}/dues/payments`, {
        key: t.branchKey,
        body: { memberId: m.id, month: "2026-10", amount: 10 },
      });
    const replies = await Promise.all([send(), send(), send()]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const month = await call(`/v1/branches/${t.branch.id}/dues?month=2026-10`, { key: t.branchKey });
    expect(month.body.totals.collected).toBe(10);
  });
});
