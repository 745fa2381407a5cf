import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, newBranch, newMember, newTenant } from "./harness";

async function memberWithDues(branchId: string, key: string) {
  const m = await newMember(branchId, key, { name: "转接人" });
  await call(`/v1/branches/${branchId}/members/${m.id}/dues-basis`, {
    method: "PUT",
    key,
    body: { year: 2026, category: "employed", monthlyIncome: 6000 },
  });
  await call(`/v1/branches/${branchId}/dues/payments`, {
    key,
    body: { memberId: m.id, month: "2026-10", amount: 90 },
  });
  return m;
}

describe("transfers", () => {
  it("moves a member across shards with their dues history, and both logs record it", async () => {
    const from = await newTenant({ shard: 0 });
    const to = await newTenant({ shard: 1 });
    const m = await memberWithDues(from.branch.id, from.branchKey);

    const letter = await call(`/v1/branches/${from.branch.id}/members/${m.id}/transfers`, {
      key: from.branchKey,
      body: { toBranchId: to.branch.id, note: "工作调动" },
    });
    expect(letter.status).toBe(201);
    expect(letter.body).toMatchObject({
      status: "pending",
      fromBranchId: from.branch.id,
      toBranchId: to.branch.id,
    });
    expect(letter.body.expiresOn > letter.body.issuedOn).toBe(true);

    const incoming = await call(`/v1/branches/${to.branch.id}/transfers?direction=in`, { key: to.branchKey });
    expect(incoming.body.items.map((x: { id: string }) => x.id)).toEqual([letter.body.id]);

    // the sender cannot accept its own letter
    expect(
      (await call(`/v1/transfers/${letter.body.id}/accept`, { method: "POST", key: from.branchKey })).status,
    ).toBe(403);
    const accepted = await call(`/v1/transfers/${letter.body.id}/accept`, {
      method: "POST",
      key: to.branchKey,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe("accepted");
    // accepting again is harmless
    expect(
      (await call(`/v1/transfers/${letter.body.id}/accept`, { method: "POST", key: to.branchKey })).body
        .status,
    ).toBe("accepted");

    const arrived = await call(`/v1/branches/${to.branch.id}/members/${m.id}`, { key: to.branchKey });
    expect(arrived.body).toMatchObject({
      id: m.id,
      branchId: to.branch.id,
      districtId: to.district.id,
      name: "转接人",
      leftOn: null,
    });
    const dues = await call(`/v1/branches/${to.branch.id}/dues?month=2026-10`, { key: to.branchKey });
    expect(dues.body.items[0]).toMatchObject({ memberId: m.id, paid: 90, monthlyDue: 90 });
    const copied = await env
      .SHARD_1!.prepare("SELECT count(*) AS n FROM dues_payments WHERE branch_id = ? AND member_id = ?")
      .bind(to.branch.id, m.id)
      .first<{ n: number }>();
    expect(copied!.n).toBe(1);

    const left = await call(`/v1/branches/${from.branch.id}/members?includeLeft=true`, {
      key: from.branchKey,
    });
    expect(left.body.items[0]).toMatchObject({ id: m.id, leftReason: "transferred_out" });
    expect(
      (await call(`/v1/branches/${from.branch.id}/members`, { key: from.branchKey })).body.items,
    ).toHaveLength(0);

    const outLog = await call(`/v1/branches/${from.branch.id}/events?subjectId=${m.id}`, {
      key: from.branchKey,
    });
    expect(outLog.body.items.map((e: { action: string }) => e.action)).toContain("member.transferred_out");
    const inLog = await call(`/v1/branches/${to.branch.id}/events`, { key: to.branchKey });
    expect(inLog.body.items.map((e: { action: string }) => e.action)).toEqual(["member.transferred_in"]);
    for (const [b, key] of [
      [from.branch.id, from.branchKey],
      [to.branch.id, to.branchKey],
    ] as const) {
      expect((await call(`/v1/branches/${b}/events/verify`, { key })).body.ok).toBe(true);
    }
  });

  it("moves a member between two branches of one district in one transaction", async () => {
    const t = await newTenant();
    const other = await newBranch(t.district.id, t.districtKey);
    const m = await memberWithDues(t.branch.id, t.branchKey);
    const letter = await call(`/v1/branches/${t.branch.id}/members/${m.id}/transfers`, {
      key: t.branchKey,
      body: { toBranchId: other.id },
    });
    expect(letter.body.expiresOn).toBe(addDays(letter.body.issuedOn, 10));
    // a district admin may accept for any of its branches
    const accepted = await call(`/v1/transfers/${letter.body.id}/accept`, {
      method: "POST",
      key: t.districtKey,
    });
    expect(accepted.body.status).toBe("accepted");
    expect(
      (await call(`/v1/branches/${other.id}/members/${m.id}`, { key: t.districtKey })).body.branchId,
    ).toBe(other.id);
  });

  it("refuses a second open letter, and a withdrawn letter cannot be accepted", async () => {
    const from = await newTenant();
    const to = await newTenant();
    const m = await newMember(from.branch.id, from.branchKey);
    const issue = () =>
      call(`/v1/branches/${from.branch.id}/members/${m.id}/transfers`, {
        key: from.branchKey,
        body: { toBranchId: to.branch.id },
      });
    const letter = await issue();
    expect((await issue()).status).toBe(409);
    expect(
      (await call(`/v1/transfers/${letter.body.id}/cancel`, { method: "POST", key: from.branchKey })).body
        .status,
    ).toBe("cancelled");
    const late = await call(`/v1/transfers/${letter.body.id}/accept`, { method: "POST", key: to.branchKey });
    expect(late.status).toBe(422);
    expect(late.body.errors[0].rule).toBe("transfer_cancelled");
    expect(
      (await call(`/v1/branches/${from.branch.id}/members/${m.id}`, { key: from.branchKey })).body.leftOn,
    ).toBeNull();
  });

  it("refuses an expired letter", async () => {
    const from = await newTenant();
    const to = await newTenant();
    const m = await newMember(from.branch.id, from.branchKey);
    const letter = await call(`/v1/branches/${from.branch.id}/members/${m.id}/transfers`, {
      key: from.branchKey,
      body: { toBranchId: to.branch.id },
    });
    await env.DIRECTORY.prepare("UPDATE transfers SET expires_on = '2020-01-01' WHERE id = ?")
      .bind(letter.body.id)
      .run();
    const r = await call(`/v1/transfers/${letter.body.id}/accept`, { method: "POST", key: to.branchKey });
    expect(r.status).toBe(422);
    expect(r.body.errors[0].rule).toBe("transfer_expired");
    expect((await call(`/v1/transfers/${letter.body.id}`, { key: to.branchKey })).body.status).toBe(
      "expired",
    );
  });

  it("hides a letter from branches at neither end", async () => {
    const from = await newTenant();
    const to = await newTenant();
    const stranger = await newTenant();
    const m = await newMember(from.branch.id, from.branchKey);
    const letter = await call(`/v1/branches/${from.branch.id}/members/${m.id}/transfers`, {
      key: from.branchKey,
      body: { toBranchId: to.branch.id },
    });
    expect((await call(`/v1/transfers/${letter.body.id}`, { key: stranger.branchKey })).status).toBe(404);
    expect(
      (await call(`/v1/transfers/${letter.body.id}/accept`, { method: "POST", key: stranger.branchKey }))
        .status,
    ).toBe(404);
  });
});

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
