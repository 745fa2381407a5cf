import { describe, expect, it } from "vitest";
import { call, newMember, newTenant } from "./harness";
import { manyBranches } from "./harness.reports";

// biome-ignore lint/suspicious/noExplicitAny: test replies are read field by field
type Json = any;

const report = (t: { district: { id: string }; districtKey: string }, lang?: string) =>
  call<Json>(`/v1/reports/compliance?districtId=${t.district.id}&period=2025-Q3`, {
    key: t.districtKey,
    headers: lang ? { "accept-language": lang } : undefined,
  });

describe("the compliance report's rollups", () => {
  it("answer a repeated report from one row per branch, with the same figures and the time of their data", async () => {
    const t = await newTenant();
    await manyBranches(t.district.id, 5);
    const m = await newMember(t.branch.id, t.branchKey, { idNumber: null });
    await call(`/v1/branches/${t.branch.id}/members/${m.id}/dues-basis`, {
      method: "PUT",
      key: t.branchKey,
      body: { year: 2025, category: "employed", monthlyIncome: 8000 },
    });
    const paid = await call(`/v1/branches/${t.branch.id}/dues/payments`, {
      key: t.branchKey,
      body: { memberId: m.id, month: "2025-08", amount: 120, paidOn: "2025-08-10" },
    });
    expect(paid.status).toBe(201);

    const first = await report(t);
    expect(first.status).toBe(200);
    const mine = (r: Json) => r.body.items.find((i: Json) => i.branchId === t.branch.id);
    expect(mine(first).dues).toEqual({ due: 3, paid: 1, rate: 0.3333 });
    expect(first.body.dataAsOf).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
    expect(mine(first).dataAsOf).toBe(first.body.dataAsOf);

    // in English, which is not the kept Chinese answer: the rollups are read
    const again = await report(t, "en");
    // the same figures, computed at the same time: read from the rollups, not recomputed
    const figures = (r: Json) =>
      r.body.items.map((i: Json) => ({ ...i, meetings: i.meetings && { ...i.meetings, missing: [] } }));
    expect(figures(again)).toEqual(figures(first));
    expect(again.body.dataAsOf).toBe(first.body.dataAsOf);
    const cold = Number(first.headers.get("x-d1-queries"));
    const warm = Number(again.headers.get("x-d1-queries"));
    // the directory's four statements, then one shard statement instead of a probe, nine reads and a store
    expect(cold - warm).toBe(9);
    // six branches: at most one rollup row each on top of the directory's rows, never the members
    expect(Number(again.headers.get("x-d1-rows-read"))).toBeLessThan(
      Number(first.headers.get("x-d1-rows-read")),
    );

    // the CSV states the time of the data too
    const csv = await call<string>(`/v1/reports/compliance?districtId=${t.district.id}&period=2025-Q3`, {
      key: t.districtKey,
      headers: { accept: "text/csv" },
    });
    expect(csv.body.split("\r\n")[0]).toContain("数据截至");
    expect(csv.body).toContain(first.body.dataAsOf);
  }, 120_000);

  it("are recomputed after any write to the branch, and only that branch's", async () => {
    const t = await newTenant();
    await manyBranches(t.district.id, 3);
    const m = await newMember(t.branch.id, t.branchKey, { idNumber: null });
    await call(`/v1/branches/${t.branch.id}/members/${m.id}/dues-basis`, {
      method: "PUT",
      key: t.branchKey,
      body: { year: 2025, category: "employed", monthlyIncome: 8000 },
    });
    const before = await report(t);
    const mine = (r: Json) => r.body.items.find((i: Json) => i.branchId === t.branch.id);
    const others = (r: Json) => r.body.items.filter((i: Json) => i.branchId !== t.branch.id);
    expect(mine(before).dues).toEqual({ due: 3, paid: 0, rate: 0 });

    const pay = await call(`/v1/branches/${t.branch.id}/dues/payments`, {
      key: t.branchKey,
      body: { memberId: m.id, month: "2025-09", amount: 120, paidOn: "2025-09-10" },
    });
    expect(pay.status).toBe(201);
    const after = await report(t);
    expect(mine(after).dues).toEqual({ due: 3, paid: 1, rate: 0.3333 });
    expect(mine(after).dataAsOf > mine(before).dataAsOf).toBe(true);
    // the branches nobody wrote to keep their rollups
    expect(others(after)).toEqual(others(before));

    // a member added (a write too) counts at once
    expect(mine(after).partyMembers).toBe(1);
    await newMember(t.branch.id, t.branchKey, { idNumber: null, name: "新党员" });
    expect(mine(await report(t)).partyMembers).toBe(2);
  }, 120_000);
});
