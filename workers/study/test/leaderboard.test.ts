import { env } from "cloudflare:workers";
import { type DataEnv, DataPlane, insertBranch, newId, tenantContext } from "@vanguard/db";
import { addDays } from "@vanguard/domain";
import { memberFixture } from "@vanguard/testing/fixtures";
import { describe, expect, it } from "vitest";
import { as, at, moduleCall, recordBatch, studyBranch } from "./harness";

const board = (ref: Parameters<typeof moduleCall>[1]["ref"], query: string, who = as(ref, "branch_admin")) =>
  moduleCall(`/v1/branches/${ref.branchId}/study/leaderboard?${query}`, who);

const districtBoard = (ref: Parameters<typeof moduleCall>[1]["ref"], query: string) =>
  moduleCall(`/v1/districts/${ref.districtId}/study/leaderboard?${query}`, as(ref, "district_admin"));

/** `days` days of study ending on `last`: a login and an article a day for each member. */
function year(memberIds: string[], last: string, days: number) {
  const out = [];
  for (let d = 0; d < days; d++) {
    const day = addDays(last, -d);
    for (const memberId of memberIds) {
      out.push({ memberId, kind: "login", occurredAt: at(day, "07:00") });
      out.push({ memberId, kind: "article", occurredAt: at(day, "07:10"), ref: `a-${day}` });
    }
  }
  return out;
}

async function sendAll(ref: Parameters<typeof moduleCall>[1]["ref"], activities: Record<string, unknown>[]) {
  for (let i = 0; i < activities.length; i += 500) {
    const r = await recordBatch(ref, activities.slice(i, i + 500));
    expect(r.status).toBe(201);
  }
}

describe("the branch leaderboard", () => {
  it("ranks current party members by points for a day, week, month and year", async () => {
    const { ref, members } = await studyBranch({ size: 4 });
    const [a, b, c] = members;
    await recordBatch(ref, [
      { memberId: a!.id, kind: "daily_quiz", occurredAt: at("2025-03-10", "08:00"), units: 5 },
      { memberId: b!.id, kind: "daily_quiz", occurredAt: at("2025-03-10", "08:00"), units: 3 },
      { memberId: c!.id, kind: "daily_quiz", occurredAt: at("2025-03-10", "08:00"), units: 3 },
      { memberId: b!.id, kind: "daily_quiz", occurredAt: at("2025-03-11", "08:00"), units: 5 },
    ]);
    const day = await board(ref, "period=day&date=2025-03-10");
    expect(day.status).toBe(200);
    expect(day.body).toMatchObject({
      period: "day",
      key: "2025-03-10",
      from: "2025-03-10",
      to: "2025-03-10",
      view: "full",
    });
    expect(
      day.body.items.map((i: { name: string; rank: number; points: number }) => [i.name, i.rank, i.points]),
    ).toEqual([
      ["党员1", 1, 5],
      ["党员2", 2, 3],
      ["党员3", 2, 3],
      // members who did nothing are on the board too, at the bottom: the ones to remind
      ["党员4", 4, 0],
    ]);
    const week = await board(ref, "period=week&date=2025-03-12");
    expect(week.body).toMatchObject({ key: "2025-W11", from: "2025-03-10", to: "2025-03-16" });
    expect(week.body.items[0]).toMatchObject({ name: "党员2", points: 8, activeDays: 2, activities: 2 });
    const yearBoard = await board(ref, "period=year&date=2025-06-01&limit=2");
    expect(yearBoard.body.items.map((i: { rank: number }) => i.rank)).toEqual([1, 2]);
    const next = await board(ref, `period=year&date=2025-06-01&limit=2&cursor=${yearBoard.body.nextCursor}`);
    expect(next.body.items.map((i: { rank: number }) => i.rank)).toEqual([3, 4]);
    expect(next.body.nextCursor).toBeNull();
  });

  it("shows members only what the district's rule set allows", async () => {
    const { ref, members } = await studyBranch({ size: 3 });
    await recordBatch(
      ref,
      members.map((m, i) => ({
        memberId: m.id,
        kind: "daily_quiz",
        occurredAt: at("2025-03-10"),
        units: i + 1,
      })),
    );
    const me = as(ref, "member", members[0]!.id);
    const full = await board(ref, "period=day&date=2025-03-10", me);
    expect(full.body.view).toBe("full");
    expect(full.body.items.map((i: { name: string }) => i.name)).toEqual(["党员3", "党员2", "党员1"]);
    const rules = await moduleCall(`/v1/districts/${ref.districtId}/study/rules`, as(ref, "district_admin"));
    const publish = (memberView: string, version: number) =>
      moduleCall(`/v1/districts/${ref.districtId}/study/rules`, {
        ...as(ref, "district_admin"),
        method: "PUT",
        body: { rules: { ...rules.body.rules, ranking: { memberView } }, version },
      });
    expect((await publish("self", 0)).status).toBe(200);
    const self = await board(ref, "period=day&date=2025-03-10", me);
    expect(self.body).toMatchObject({
      view: "self",
      items: [{ rank: 3, name: "党员1", self: true, points: 1 }],
    });
    // admins always see the whole board
    expect((await board(ref, "period=day&date=2025-03-10")).body.items).toHaveLength(3);
    expect((await publish("anonymous", 1)).status).toBe(200);
    const anon = await board(ref, "period=day&date=2025-03-10", me);
    expect(
      anon.body.items.map((i: { name: string | null; memberId: string | null }) => [i.name, i.memberId]),
    ).toEqual([
      [null, null],
      [null, null],
      ["党员1", members[0]!.id],
    ]);
    expect((await publish("hidden", 2)).status).toBe(200);
    expect((await board(ref, "period=day&date=2025-03-10", me)).status).toBe(403);
    expect((await board(ref, "period=bogus")).status).toBe(400);
  });

  it("reads in a constant number of D1 queries however much history there is", async () => {
    const { ref, members } = await studyBranch({ size: 5 });
    const ids = members.map((m) => m.id);
    await sendAll(ref, year(ids, "2025-12-31", 2));
    const queries = async () => {
      const counts = [];
      for (const period of ["day", "week", "month", "year"]) {
        const r = await board(ref, `period=${period}&date=2025-12-31`);
        expect(r.status).toBe(200);
        counts.push(Number(r.headers.get("x-d1-queries")));
      }
      const member = await board(ref, "period=year&date=2025-12-31", as(ref, "member", ids[0]!));
      counts.push(Number(member.headers.get("x-d1-queries")));
      return counts;
    };
    // the first read also fetches the district's rule set (what members see, how claimed points
    // count); later ones reuse it
    expect((await queries())[0]).toBe(2);
    const small = await queries();
    expect(small).toEqual([1, 1, 1, 1, 1]);
    // a year of activity: 5 members × 365 days × 2 activities
    await sendAll(ref, year(ids, "2025-12-29", 363));
    expect(await queries()).toEqual(small);
    const yearBoard = await board(ref, "period=year&date=2025-12-31");
    expect(yearBoard.body.items[0]).toMatchObject({ activeDays: 365, activities: 730, points: 730 });
    expect(Number(yearBoard.headers.get("x-d1-rows-read"))).toBeLessThan(50);
  });
});

describe("the district leaderboard", () => {
  it("ranks branches by activity rate, then average points, in a constant number of queries", async () => {
    const { ref, members, plane } = await studyBranch({ size: 4 });
    // a second branch in the same district, all of whose members study
    const now = new Date().toISOString();
    const other = { ...ref, branchId: newId("branch") };
    await plane.directory.d1.batch([
      insertBranch(plane, {
        id: other.branchId,
        districtId: ref.districtId,
        parentId: null,
        path: `/${other.branchId}/`,
        kind: "branch",
        name: "第二支部",
        recordsFrom: "2010-07-01",
        foundedOn: "2010-07-01",
        createdAt: now,
        updatedAt: now,
      }),
    ]);
    const otc = tenantContext(new DataPlane(env as unknown as DataEnv), other);
    const others = [await memberFixture(otc), await memberFixture(otc)];
    await recordBatch(ref, [
      { memberId: members[0]!.id, kind: "daily_quiz", occurredAt: at("2025-03-10"), units: 5 },
      { memberId: members[1]!.id, kind: "daily_quiz", occurredAt: at("2025-03-10"), units: 5 },
    ]);
    const cold = await districtBoard(ref, "period=month&date=2025-03-20");
    expect(cold.status).toBe(200);
    // totals from the shard, the branch names and the rule set from the directory; the names and
    // the rule set are then reused
    expect(Number(cold.headers.get("x-d1-queries"))).toBe(3);
    const first = await districtBoard(ref, "period=month&date=2025-03-20");
    const queries = Number(first.headers.get("x-d1-queries"));
    expect(queries).toBe(1);
    expect(first.body.items).toEqual([
      expect.objectContaining({
        rank: 1,
        branchId: ref.branchId,
        members: 4,
        activeMembers: 2,
        activityRate: 0.5,
        averagePoints: 2.5,
      }),
      expect.objectContaining({
        rank: 2,
        branchId: other.branchId,
        name: "第二支部",
        members: null,
        activityRate: 0,
      }),
    ]);
    await sendAll(
      other,
      year(
        others.map((m) => m.id),
        "2025-03-31",
        60,
      ),
    );
    const second = await districtBoard(ref, "period=month&date=2025-03-20");
    expect(Number(second.headers.get("x-d1-queries"))).toBe(queries);
    expect(
      second.body.items.map((b: { branchId: string; activityRate: number }) => [b.branchId, b.activityRate]),
    ).toEqual([
      [other.branchId, 1],
      [ref.branchId, 0.5],
    ]);
    expect(second.body.items[0]).toMatchObject({ points: 2 * 31 * 2, averagePoints: 62 });
    expect(
      (await moduleCall(`/v1/districts/${ref.districtId}/study/leaderboard`, as(ref, "auditor"))).status,
    ).toBe(200);
    // the api worker already answers 404 to branch keys on district paths; the module still refuses
    expect(
      (await moduleCall(`/v1/districts/${ref.districtId}/study/leaderboard`, as(ref, "branch_admin"))).status,
    ).toBe(403);
  });
});
