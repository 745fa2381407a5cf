import { env } from "cloudflare:workers";
import { pdf, upload } from "@vanguard/testing/evidence-files";
import { describe, expect, it } from "vitest";
import { call, idNumberFor, memberKey, newBranch, newMember, newTenant, type Tenant } from "./harness";

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

  it("takes a case's files along within one shard, chained on the receiving branch in the same transaction", async () => {
    const t = await newTenant();
    const other = await newBranch(t.district.id, t.districtKey);
    const opened = await call(`/v1/branches/${t.branch.id}/development/cases`, {
      key: t.branchKey,
      body: {
        person: { name: "带档案者", gender: "male", birthDate: "1996-06-06" },
        appliedOn: "2025-09-01",
      },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const stepOf = (branchId: string) =>
      `/v1/branches/${branchId}/development/cases/${opened.body.id}/steps/application/attachments`;
    const attached = await call(stepOf(t.branch.id), {
      key: t.branchKey,
      raw: upload(pdf("带档案者的入党申请书"), "入党申请书.pdf", { document: "application_letter" }),
    });
    expect(attached.status, JSON.stringify(attached.body)).toBe(201);
    const letter = await call(`/v1/branches/${t.branch.id}/members/${opened.body.memberId}/transfers`, {
      key: t.branchKey,
      body: { toBranchId: other.id },
    });
    const accepted = await call(`/v1/transfers/${letter.body.id}/accept`, {
      method: "POST",
      key: t.districtKey,
    });
    expect(accepted.body.status).toBe("accepted");

    const there = await call(stepOf(other.id), { key: t.districtKey });
    expect(there.body.items.map((a: { id: string; sha256: string }) => [a.id, a.sha256])).toEqual([
      [attached.body.id, attached.body.sha256],
    ]);
    expect((await call(`/v1/branches/${other.id}/attachments/verify`, { key: t.districtKey })).body).toEqual({
      checked: 1,
      ok: true,
      problems: [],
      nextCursor: null,
    });
    const log = await call(`/v1/branches/${other.id}/events?limit=20`, { key: t.districtKey });
    expect(log.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      "evidence.received",
      "member.transferred_in",
    ]);
    expect((await call(`/v1/branches/${other.id}/events/verify`, { key: t.districtKey })).body.ok).toBe(true);
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

let people = 0;

/** A letter across shards: from a branch on shard 0 to one on shard 1. */
async function crossShardLetter() {
  const from = await newTenant({ shard: 0 });
  const to = await newTenant({ shard: 1 });
  const idNumber = idNumberFor("1984-04-04", 100 + people++);
  const m = await newMember(from.branch.id, from.branchKey, {
    name: "转接人",
    idNumber,
    birthDate: "1984-04-04",
  });
  const letter = await call(`/v1/branches/${from.branch.id}/members/${m.id}/transfers`, {
    key: from.branchKey,
    body: { toBranchId: to.branch.id },
  });
  expect(letter.status).toBe(201);
  return { from, to, m, idNumber, letterId: letter.body.id as string };
}

const accept = (id: string, key: string) => call(`/v1/transfers/${id}/accept`, { method: "POST", key });
const withdraw = (id: string, key: string, reason?: string) =>
  call(`/v1/transfers/${id}/cancel`, { method: "POST", key, ...(reason ? { body: { reason } } : {}) });

/** Where the member is current (not departed), branch by branch. */
async function currentIn(t: Tenant, memberId: string) {
  const r = await call(`/v1/branches/${t.branch.id}/members?limit=200`, { key: t.branchKey });
  return r.body.items.some((x: { id: string }) => x.id === memberId);
}

/** The state a request that died half way leaves: its claim an hour old, past its lease. */
const lapseClaim = (id: string) =>
  env.DIRECTORY.prepare("UPDATE transfers SET claimed_at = ? WHERE id = ?")
    .bind(new Date(Date.now() - 3_600_000).toISOString(), id)
    .run();

/** Real failures injected into real D1: a trigger that makes one statement abort. */
async function refuse(db: D1Database, name: string, on: string, when: string) {
  await db.exec(
    `CREATE TRIGGER ${name} BEFORE UPDATE ${on} WHEN ${when} BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
  );
  return () => db.exec(`DROP TRIGGER IF EXISTS ${name}`);
}

describe("transfer letters as a state machine", () => {
  it("issues one letter when two are issued for a member at the same moment", async () => {
    const from = await newTenant();
    const to = await newTenant();
    const other = await newTenant();
    const m = await newMember(from.branch.id, from.branchKey);
    const results = await Promise.all(
      [to, other, to, other].map((t) =>
        call(`/v1/branches/${from.branch.id}/members/${m.id}/transfers`, {
          key: from.branchKey,
          body: { toBranchId: t.branch.id },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const open = await env.DIRECTORY.prepare(
      "SELECT count(*) AS n FROM transfers WHERE member_id = ? AND status IN ('pending', 'accepting')",
    )
      .bind(m.id)
      .first<{ n: number }>();
    expect(open!.n).toBe(1);
  });

  it("rolls a failed move across shards back to pending, with the member in one branch, and completes it later", async () => {
    const { from, to, m, letterId } = await crossShardLetter();
    const heal = await refuse(
      env.SHARD_0!,
      "refuse_departure",
      "OF left_on ON members",
      "NEW.left_reason = 'transferred_out'",
    );
    try {
      const failed = await accept(letterId, to.branchKey);
      expect(failed.status).toBe(503);
      expect(failed.headers.get("retry-after")).toBe("5");
    } finally {
      await heal();
    }
    const letter = await call(`/v1/transfers/${letterId}`, { key: to.branchKey });
    expect(letter.body.status).toBe("pending");
    expect(await currentIn(from, m.id)).toBe(true);
    expect(await currentIn(to, m.id)).toBe(false);
    const closed = await call(`/v1/branches/${to.branch.id}/members?includeLeft=true`, { key: to.branchKey });
    expect(closed.body.items[0]).toMatchObject({ id: m.id, leftReason: "transfer_rolled_back" });

    const done = await accept(letterId, to.branchKey);
    expect(done.status).toBe(200);
    expect(done.body.status).toBe("accepted");
    expect(await currentIn(to, m.id)).toBe(true);
    expect(await currentIn(from, m.id)).toBe(false);
    for (const t of [from, to]) {
      expect((await call(`/v1/branches/${t.branch.id}/events/verify`, { key: t.branchKey })).body.ok).toBe(
        true,
      );
    }
  });

  it("lets the sender withdraw an accept stuck past its lease, undoing the half-done arrival", async () => {
    const { from, to, m, letterId } = await crossShardLetter();
    const healFrom = await refuse(
      env.SHARD_0!,
      "refuse_departure",
      "OF left_on ON members",
      "NEW.left_reason = 'transferred_out'",
    );
    const healTo = await refuse(
      env.SHARD_1!,
      "refuse_undo",
      "OF left_on ON members",
      "NEW.left_reason = 'transfer_rolled_back'",
    );
    try {
      expect((await accept(letterId, to.branchKey)).status).toBe(500);
    } finally {
      await healFrom();
      await healTo();
    }
    // the accept died with the member on both rolls and the letter held
    expect((await call(`/v1/transfers/${letterId}`, { key: to.branchKey })).body.status).toBe("accepting");
    const blocked = await call(`/v1/branches/${from.branch.id}/members/${m.id}/transfers`, {
      key: from.branchKey,
      body: { toBranchId: (await newTenant()).branch.id },
    });
    expect(blocked.status).toBe(409);
    // while the claim is fresh, nobody may act on the letter
    const early = await withdraw(letterId, from.branchKey);
    expect(early.status).toBe(409);
    expect(Number(early.headers.get("retry-after"))).toBeGreaterThan(0);

    await lapseClaim(letterId);
    const withdrawn = await withdraw(letterId, from.districtKey, "接收方系统故障，重新办理");
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: "cancelled", cancelReason: "接收方系统故障，重新办理" });
    expect(await currentIn(from, m.id)).toBe(true);
    expect(await currentIn(to, m.id)).toBe(false);
    const again = await call(`/v1/branches/${from.branch.id}/members/${m.id}/transfers`, {
      key: from.branchKey,
      body: { toBranchId: to.branch.id },
    });
    expect(again.status).toBe(201);
  });

  it("finishes an accept whose last step failed when it is resumed after its lease", async () => {
    const { from, to, m, letterId, idNumber } = await crossShardLetter();
    const heal = await refuse(
      env.DIRECTORY,
      "refuse_accepted",
      "OF status ON transfers",
      "NEW.status = 'accepted'",
    );
    try {
      expect((await accept(letterId, to.branchKey)).status).toBe(500);
    } finally {
      await heal();
    }
    expect(await currentIn(to, m.id)).toBe(true);
    expect(await currentIn(from, m.id)).toBe(false);
    expect((await accept(letterId, to.branchKey)).status).toBe(409);
    // a stuck letter cannot be withdrawn once the member has left: it is finished instead
    await lapseClaim(letterId);
    const late = await withdraw(letterId, from.branchKey);
    expect(late.status).toBe(422);
    expect(late.body.errors[0].rule).toBe("transfer_accepted");
    expect((await call(`/v1/transfers/${letterId}`, { key: to.branchKey })).body.status).toBe("accepted");
    // the person now belongs to the receiving roll: the sender cannot add them again
    const readd = await call(`/v1/branches/${from.branch.id}/members`, {
      key: from.branchKey,
      body: {
        name: "转接人",
        gender: "male",
        birthDate: "1984-04-04",
        status: "full",
        joinedOn: "2010-07-01",
        idNumber,
      },
    });
    expect(readd.status).toBe(422);
    expect(readd.body.errors[0].rule).toBe("person_on_another_roll");
  });

  it("resumes a lapsed accept to the end, and checks expiry when it does", async () => {
    const { to, m, letterId } = await crossShardLetter();
    await env.DIRECTORY.prepare(
      "UPDATE transfers SET status = 'accepting', claim_id = 'req_dead', claimed_at = ?, version = version + 1 WHERE id = ?",
    )
      .bind(new Date(Date.now() - 3_600_000).toISOString(), letterId)
      .run();
    const resumed = await accept(letterId, to.branchKey);
    expect(resumed.body.status).toBe("accepted");
    expect(await currentIn(to, m.id)).toBe(true);

    const second = await crossShardLetter();
    await env.DIRECTORY.prepare(
      "UPDATE transfers SET status = 'accepting', claim_id = 'req_dead', claimed_at = ?, expires_on = '2020-01-01', version = version + 1 WHERE id = ?",
    )
      .bind(new Date(Date.now() - 3_600_000).toISOString(), second.letterId)
      .run();
    const late = await accept(second.letterId, second.to.branchKey);
    expect(late.status).toBe(422);
    expect(late.body.errors[0].rule).toBe("transfer_expired");
    expect((await call(`/v1/transfers/${second.letterId}`, { key: second.to.branchKey })).body.status).toBe(
      "expired",
    );
    expect(await currentIn(second.from, second.m.id)).toBe(true);
  });

  it("ends the member's key in the branch they left, and names no district the caller cannot see", async () => {
    const { from, to, m, letterId } = await crossShardLetter();
    const own = await memberKey(from.branch.id, m.id, from.branchKey);
    expect((await call(`/v1/branches/${from.branch.id}/members/${m.id}`, { key: own })).status).toBe(200);
    const seen = await call(`/v1/transfers/${letterId}`, { key: from.branchKey });
    expect(seen.body).toMatchObject({ fromDistrictId: from.district.id, toDistrictId: null });
    expect((await accept(letterId, to.branchKey)).status).toBe(200);
    expect((await call(`/v1/branches/${from.branch.id}/members/${m.id}`, { key: own })).status).toBe(401);
  });
});

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
