import { describe, expect, it } from "vitest";
import { http, must, tenant } from "../support/http";

// The stack keeps keys, branches and a district's rules in the isolate's memory for a few seconds
// (AUTH_CACHE_SECONDS): once warm, a read of the branch's day or dues is one D1 round trip, and
// with nothing written to the district since, one statement (the kept page, docs/architecture.md).
describe("reads in one round trip over HTTP", () => {
  const cost = (r: { headers: Headers }) => ({
    statements: Number(r.headers.get("x-d1-queries")),
    roundTrips: Number(r.headers.get("x-d1-round-trips")),
  });

  it("the branch's day and the month's dues, warm", async () => {
    const t = await tenant(1);
    for (let i = 0; i < 3; i++)
      await must("POST", `/v1/branches/${t.branch.id}/members`, {
        key: t.branchKey,
        body: {
          name: `党员${i}`,
          gender: "female",
          birthDate: `1980-05-0${i + 1}`,
          status: "full",
          joinedOn: "2012-07-01",
          joinedBranchOn: "2012-07-01",
        },
      });
    for (const path of [`/v1/branches/${t.branch.id}/today`, `/v1/branches/${t.branch.id}/dues?limit=50`]) {
      const first = await http("GET", path, { key: t.branchKey });
      const warm = await http("GET", path, { key: t.branchKey });
      expect(first.status, path).toBe(200);
      expect(warm.status, path).toBe(200);
      expect(warm.body, path).toEqual(first.body);
      expect(cost(warm).roundTrips, path).toBe(1);
      expect(cost(warm).statements, path).toBe(1);
    }
    // every member behind with dues is on the day's arrears card, as on the dues page
    const day = await must("GET", `/v1/branches/${t.branch.id}/today`, { key: t.branchKey });
    const dues = await must("GET", `/v1/branches/${t.branch.id}/dues?limit=50`, { key: t.branchKey });
    expect(day.arrears.map((a: { memberId: string }) => a.memberId)).toEqual(
      dues.items
        .filter((l: { arrearsSeverity: string }) => l.arrearsSeverity !== "none")
        .map((l: { memberId: string }) => l.memberId),
    );
    expect(day.arrears).toHaveLength(3);

    // a payment is a write to the district: both pages are computed again and show it at once
    const month = dues.month as string;
    const payer = dues.items[0].memberId as string;
    await must("PUT", `/v1/branches/${t.branch.id}/members/${payer}/dues-basis`, {
      key: t.branchKey,
      body: { year: Number(month.slice(0, 4)), category: "employed", monthlyIncome: 8000 },
    });
    await must("POST", `/v1/branches/${t.branch.id}/dues/payments`, {
      key: t.branchKey,
      body: { memberId: payer, month, amount: 120, paidOn: `${month}-01` },
    });
    const duesAfter = await http("GET", `/v1/branches/${t.branch.id}/dues?limit=50`, { key: t.branchKey });
    expect(cost(duesAfter).statements).toBeGreaterThan(1);
    expect(duesAfter.body.items.find((l: { memberId: string }) => l.memberId === payer).paid).toBe(120);
    expect(duesAfter.body.totals.membersPaid).toBe(dues.totals.membersPaid + 1);
    const dayAfter = await must("GET", `/v1/branches/${t.branch.id}/today`, { key: t.branchKey });
    expect(
      dayAfter.arrears.find((a: { memberId: string }) => a.memberId === payer)?.consecutiveUnpaid ?? 0,
    ).toBeLessThan(day.arrears.find((a: { memberId: string }) => a.memberId === payer).consecutiveUnpaid);
  });

  it("a member created right after another on the same branch, in one round trip", async () => {
    const t = await tenant(1);
    const create = (i: number) =>
      http("POST", `/v1/branches/${t.branch.id}/members`, {
        key: t.branchKey,
        body: { name: `接连${i}`, gender: "male", birthDate: `1985-03-0${i + 1}`, status: "applicant" },
      });
    const verify = () => must("GET", `/v1/branches/${t.branch.id}/events/verify`, { key: t.branchKey });
    const before = await verify();
    const created = [];
    for (let i = 0; i < 3; i++) created.push(await create(i));
    for (const r of created) expect(r.status).toBe(201);
    // the first reads the chain's head; the next start from the head the one before left
    expect(cost(created[2]!).roundTrips).toBe(1);
    const after = await verify();
    expect(after.ok).toBe(true);
    expect(after.length - before.length).toBe(3);
  });

  it("a study leaderboard and a member's study summary, warm, without calling the module", async () => {
    const t = await tenant(0);
    const b = t.branch.id;
    const member = await must("POST", `/v1/branches/${b}/members`, {
      key: t.branchKey,
      body: {
        name: "学习者",
        gender: "male",
        birthDate: "1985-05-01",
        status: "full",
        joinedOn: "2012-07-01",
        joinedBranchOn: "2012-07-01",
      },
    });
    await must("POST", `/v1/branches/${b}/study/activities`, {
      key: t.branchKey,
      body: { memberId: member.id, kind: "daily_quiz", occurredAt: new Date().toISOString(), units: 3 },
    });
    const board = `/v1/branches/${b}/study/leaderboard?period=month`;
    const summary = `/v1/branches/${b}/study/members/${member.id}/summary`;
    for (const path of [board, summary]) {
      // the first read learns that the study worker marks the answer, the second keeps it
      const reads = [];
      for (let i = 0; i < 3; i++) reads.push(await http("GET", path, { key: t.branchKey }));
      expect(reads.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(reads[2]!.body, path).toEqual(reads[1]!.body);
      // the district's counts in the directory are remembered like the key: one statement, in its shard
      expect(cost(reads[2]!), path).toEqual({ statements: 1, roundTrips: 1 });
    }
    // a rule the district publishes through this stack shows at once: members see only themselves
    const { key: memberKey } = await must("POST", `/v1/branches/${b}/keys`, {
      key: t.branchKey,
      body: { role: "member", memberId: member.id, label: "党员" },
    });
    for (let i = 0; i < 3; i++) expect((await must("GET", board, { key: memberKey })).view).toBe("full");
    const rules = await must("GET", `/v1/districts/${t.district.id}/study/rules`, { key: t.districtKey });
    await must("PUT", `/v1/districts/${t.district.id}/study/rules`, {
      key: t.districtKey,
      body: { rules: { ...rules.rules, ranking: { memberView: "self" } }, version: rules.version },
    });
    const after = await must("GET", board, { key: memberKey });
    expect(after.view).toBe("self");
    expect(after.items.map((i: { memberId: string }) => i.memberId)).toEqual([member.id]);
  });

  it("refuses without credentials and outside scope, in Chinese by default", async () => {
    const t = await tenant(0);
    const other = await tenant(1);
    const none = await http("GET", `/v1/branches/${t.branch.id}/today`, { key: null });
    expect(none.status).toBe(401);
    const outside = await http("GET", `/v1/branches/${t.branch.id}/today`, { key: other.branchKey });
    expect(outside.status).toBe(404);
    expect(outside.headers.get("content-type")).toContain("application/problem+json");
    expect(outside.body.title).toMatch(/[\u4e00-\u9fff]/);
  });
});
