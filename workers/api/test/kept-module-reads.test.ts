import { describe, expect, it } from "vitest";
import { call, memberKey, newMember, newTenant, type Tenant } from "./harness";

// biome-ignore lint/suspicious/noExplicitAny: test replies are read field by field
type Json = any;

const queries = (r: { headers: Headers }) => Number(r.headers.get("x-d1-queries"));

/** A branch with two party members, each with a study activity today. */
async function studyingBranch() {
  const t = await newTenant();
  const members = [];
  for (const name of ["甲", "乙"])
    members.push(await newMember(t.branch.id, t.branchKey, { name, idNumber: null }));
  for (const [i, m] of members.entries()) await study(t, m.id, i + 1);
  return { t, members };
}

let at = Date.now() - 3_600_000;
function study(t: Tenant, memberId: string, units: number) {
  at += 60_000;
  return call<Json>(`/v1/branches/${t.branch.id}/study/activities`, {
    key: t.branchKey,
    body: { memberId, kind: "daily_quiz", occurredAt: new Date(at).toISOString(), units },
  }).then((r) => {
    expect(r.status).toBe(201);
    return r.body;
  });
}

/** The same read three times: the first learns the module keeps it, the second keeps it. */
async function keptRead(path: string, key: string) {
  const first = await call<Json>(path, { key });
  const second = await call<Json>(path, { key });
  const third = await call<Json>(path, { key });
  expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
  return { first, second, third };
}

describe("module reads kept by the api worker (leaderboards, a member's study summary, a case page)", () => {
  it("answer a repeat with the module's bytes, without calling the module", async () => {
    const { t, members } = await studyingBranch();
    const case_ = await call<Json>(`/v1/branches/${t.branch.id}/development/cases`, {
      key: t.branchKey,
      body: {
        person: { name: "申请人", gender: "male", birthDate: "1998-05-05" },
        appliedOn: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
      },
    });
    expect(case_.status).toBe(201);
    for (const [path, key] of [
      [`/v1/branches/${t.branch.id}/study/leaderboard?period=month`, t.branchKey],
      [`/v1/districts/${t.district.id}/study/leaderboard?period=month`, t.districtKey],
      [`/v1/branches/${t.branch.id}/study/members/${members[0]!.id}/summary`, t.branchKey],
      [`/v1/branches/${t.branch.id}/development/cases/${case_.body.id}`, t.branchKey],
    ] as const) {
      const { second, third } = await keptRead(path, key);
      expect(third.body, path).toEqual(second.body);
      expect(third.headers.get("content-type"), path).toContain("application/json");
      expect(third.headers.get("content-language"), path).toBe(second.headers.get("content-language"));
      expect(third.headers.get("x-request-id"), path).not.toBe(second.headers.get("x-request-id"));
      // the module's own statements are gone; the key and scope lookups and the two counts remain
      expect(queries(third), path).toBeLessThan(queries(second));
      const trips = (r: { headers: Headers }) => Number(r.headers.get("x-d1-round-trips"));
      expect(trips(third), path).toBeLessThan(trips(second));
      // the mark between the workers never reaches a client
      for (const r of [second, third]) expect(r.headers.get("x-vanguard-keep"), path).toBeNull();
    }
  });

  it("show a study record, and a rule the district publishes, at once", async () => {
    const { t, members } = await studyingBranch();
    const board = `/v1/branches/${t.branch.id}/study/leaderboard?period=month`;
    const summary = `/v1/branches/${t.branch.id}/study/members/${members[0]!.id}/summary`;
    const before = (await keptRead(board, t.branchKey)).third.body;
    const kept = (await keptRead(summary, t.branchKey)).third;
    // a study record is a write in the district's shard: both are computed again and show it
    await study(t, members[0]!.id, 5);
    const after = await call<Json>(board, { key: t.branchKey });
    const points = (b: Json) => b.items.find((i: Json) => i.memberId === members[0]!.id).points;
    expect(points(after.body)).toBeGreaterThan(points(before));
    const again = await call<Json>(summary, { key: t.branchKey });
    expect(again.body.totals.activities).toBe(kept.body.totals.activities + 1);
    expect(queries(again)).toBeGreaterThan(queries(kept));
    // the district hides the ranking from members: a rule in the directory, shown at once
    const member = await memberKey(t.branch.id, members[1]!.id, t.branchKey);
    expect((await keptRead(board, member)).third.body.view).toBe("full");
    const rules = await call<Json>(`/v1/districts/${t.district.id}/study/rules`, { key: t.districtKey });
    const put = await call<Json>(`/v1/districts/${t.district.id}/study/rules`, {
      key: t.districtKey,
      method: "PUT",
      body: { rules: { ...rules.body.rules, ranking: { memberView: "self" } }, version: rules.body.version },
    });
    expect(put.status).toBe(200);
    const self = await call<Json>(board, { key: member });
    expect(self.body.view).toBe("self");
    expect(self.body.items.map((i: Json) => i.memberId)).toEqual([members[1]!.id]);
  });

  it("keep each caller apart: a member never gets the board kept for the secretary", async () => {
    const { t, members } = await studyingBranch();
    const rules = await call<Json>(`/v1/districts/${t.district.id}/study/rules`, { key: t.districtKey });
    await call<Json>(`/v1/districts/${t.district.id}/study/rules`, {
      key: t.districtKey,
      method: "PUT",
      body: { rules: { ...rules.body.rules, ranking: { memberView: "self" } }, version: rules.body.version },
    });
    const board = `/v1/branches/${t.branch.id}/study/leaderboard?period=month`;
    expect((await keptRead(board, t.branchKey)).third.body.items).toHaveLength(2);
    const member = await memberKey(t.branch.id, members[0]!.id, t.branchKey);
    const seen = await keptRead(board, member);
    for (const r of Object.values(seen)) {
      expect(r.body.view).toBe("self");
      expect(r.body.items.map((i: Json) => i.memberId)).toEqual([members[0]!.id]);
    }
    // nor another member's summary
    const other = `/v1/branches/${t.branch.id}/study/members/${members[1]!.id}/summary`;
    expect((await keptRead(other, t.branchKey)).third.status).toBe(200);
    const refused = await call<Json>(other, { key: member });
    expect(refused.status).toBe(404);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
  });

  it("are never read past the caller's scope", async () => {
    const { t, members } = await studyingBranch();
    const other = await newTenant();
    const summary = `/v1/branches/${t.branch.id}/study/members/${members[0]!.id}/summary`;
    const board = `/v1/districts/${t.district.id}/study/leaderboard?period=month`;
    await keptRead(summary, t.branchKey);
    await keptRead(board, t.districtKey);
    for (const key of [other.branchKey, other.districtKey]) {
      expect((await call<Json>(summary, { key })).status).toBe(404);
      expect((await call<Json>(board, { key })).status).toBe(404);
    }
  });
});
