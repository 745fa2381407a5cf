import { addDays } from "@vanguard/domain";
import { describe, expect, it } from "vitest";
import { SKIPPING_BRANCH, skippedCommitteeMonths } from "../../scripts/seed/study.mjs";
import { demoDistrict } from "../support/demo";
import { http, must, putCommittee, tenant, unique } from "../support/http";

const shanghaiToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());

async function branchWithMembers(shard: number, n: number) {
  const t = await tenant(shard);
  const members = [];
  for (let i = 0; i < n; i++) {
    members.push(
      await must("POST", `/v1/branches/${t.branch.id}/members`, {
        key: t.branchKey,
        body: {
          name: `学员${"甲乙丙丁戊"[i]}`,
          gender: "female",
          birthDate: "1980-05-01",
          status: "full",
          joinedOn: "2005-07-01",
        },
      }),
    );
  }
  return { ...t, members };
}

describe("study over HTTP", () => {
  it("records a member's own activity, caps it, ranks it and sums it up", async () => {
    const t = await branchWithMembers(1, 3);
    const [me, other] = t.members;
    const { key: memberKey } = await must("POST", `/v1/branches/${t.branch.id}/keys`, {
      key: t.branchKey,
      body: { role: "member", memberId: me.id, label: unique("党员") },
    });
    // eight activities a minute apart must fall on one Beijing day: in that day's first minutes they
    // go on the last minutes of the day before, and every read below names that day
    const SHANGHAI_MS = 8 * 3_600_000;
    const sinceMidnight = (Date.now() + SHANGHAI_MS) % 86_400_000;
    const now = sinceMidnight < 11 * 60_000 ? Date.now() - sinceMidnight - 60_000 : Date.now();
    const day = new Date(now + SHANGHAI_MS).toISOString().slice(0, 10);
    const post = (
      memberId: string,
      secondsAgo: number,
      extra: Record<string, unknown> = {},
      key = memberKey,
    ) =>
      http("POST", `/v1/branches/${t.branch.id}/study/activities`, {
        key,
        body: {
          memberId,
          kind: "video",
          occurredAt: new Date(now - secondsAgo * 1000).toISOString(),
          ...extra,
        },
      });
    const awarded = [];
    // a minute apart: a person watching, not a script
    for (let i = 0; i < 8; i++) {
      const r = await post(me.id, 540 - i * 61, { ref: `v${i}`, durationSec: 200 });
      expect(r.status).toBe(201);
      awarded.push(r.body.awarded);
    }
    expect(awarded).toEqual([1, 1, 1, 1, 1, 1, 0, 0]);
    expect((await post(other.id, 5)).status).toBe(404);
    expect((await post(me.id, 5, { kind: "offline_session", durationSec: 3600 })).status).toBe(403);
    expect((await post(me.id, -7200)).body.errors[0].rule).toBe("activity_in_future");

    const mine = await must("GET", `/v1/branches/${t.branch.id}/study/members/${me.id}/summary?date=${day}`, {
      key: memberKey,
    });
    const video = mine.progress.kinds.find((k: { kind: string }) => k.kind === "video");
    expect(mine.progress.day).toBe(day);
    expect(video.progress).toBe("6/6");
    expect(
      (await http("GET", `/v1/branches/${t.branch.id}/study/members/${other.id}/summary`, { key: memberKey }))
        .status,
    ).toBe(404);

    const board = await must("GET", `/v1/branches/${t.branch.id}/study/leaderboard?period=week&date=${day}`, {
      key: memberKey,
    });
    expect(board.items[0]).toMatchObject({ rank: 1, memberId: me.id, points: 6, self: true });
    expect(board.items).toHaveLength(3);

    const district = await must(
      "GET",
      `/v1/districts/${t.district.id}/study/leaderboard?period=day&date=${day}`,
      {
        key: t.districtKey,
      },
    );
    expect(district.items[0]).toMatchObject({
      branchId: t.branch.id,
      members: 3,
      activeMembers: 1,
      points: 6,
    });

    // another tenant's keys see none of it
    const stranger = await tenant(0);
    expect(
      (await http("GET", `/v1/branches/${t.branch.id}/study/leaderboard`, { key: stranger.branchKey }))
        .status,
    ).toBe(404);
    expect(
      (await http("GET", `/v1/districts/${t.district.id}/study/rules`, { key: stranger.districtKey })).status,
    ).toBe(404);
    expect(
      await must("GET", `/v1/branches/${t.branch.id}/events/verify`, { key: t.districtKey }),
    ).toMatchObject({ ok: true });
    const spec = await must("GET", "/openapi.json", { key: null });
    for (const path of [
      "/v1/branches/{branchId}/study/activities",
      "/v1/branches/{branchId}/study/leaderboard",
      "/v1/districts/{districtId}/study/rules",
      "/v1/branches/{branchId}/meetings/compliance",
    ]) {
      expect(spec.paths[path]).toBeDefined();
    }
  });

  it("publishes a district rule set and records meetings with quorum and compliance", async () => {
    const t = await branchWithMembers(0, 4);
    const [a, b, c, d] = t.members;
    const rules = await must("GET", `/v1/districts/${t.district.id}/study/rules`, { key: t.districtKey });
    const body = { version: rules.version, rules: { ...rules.rules, ranking: { memberView: "self" } } };
    const published = await must("PUT", `/v1/districts/${t.district.id}/study/rules`, {
      key: t.districtKey,
      body,
    });
    expect(published.version).toBe(1);
    expect(
      (await http("PUT", `/v1/districts/${t.district.id}/study/rules`, { key: t.branchKey, body })).status,
    ).toBe(404);

    await putCommittee(t.branch.id, t.branchKey, [a.id, b.id, c.id]);
    const meeting = (body: Record<string, unknown>) =>
      http("POST", `/v1/branches/${t.branch.id}/meetings`, { key: t.branchKey, body });
    const noQuorum = await meeting({
      kind: "committee",
      heldOn: "2025-01-06",
      topic: "支委会",
      attendeeIds: [a.id, d.id],
    });
    expect(noQuorum.status).toBe(422);
    expect(noQuorum.body.errors[0]).toMatchObject({ rule: "committee_quorum" });
    for (let m = 1; m <= 12; m++) {
      if (m === 4 || m === 10) continue;
      const r = await meeting({
        kind: "committee",
        heldOn: `2025-${String(m).padStart(2, "0")}-06`,
        topic: `${m}月支委会`,
        attendeeIds: [a.id, b.id],
        absentees: [{ memberId: c.id, reason: "出差" }],
      });
      expect(r.status).toBe(201);
    }
    const compliance = await must("GET", `/v1/branches/${t.branch.id}/meetings/compliance?year=2025`, {
      key: t.districtKey,
    });
    expect(compliance.ruleVersion).toBe(1);
    const committee = compliance.items.find((i: { code: string }) => i.code === "committee_monthly");
    expect(committee).toMatchObject({ required: 12, held: 10, missing: ["2025-04", "2025-10"] });
    const listed = await must(
      "GET",
      `/v1/branches/${t.branch.id}/meetings?from=2025-01-01&to=2025-12-31&limit=4`,
      {
        key: t.branchKey,
      },
    );
    expect(listed.items.map((i: { heldOn: string }) => i.heldOn)).toEqual([
      "2025-12-06",
      "2025-11-06",
      "2025-09-06",
      "2025-08-06",
    ]);
    expect(listed.nextCursor).not.toBeNull();
  });
});

describe("a member's study record on a transfer", () => {
  it("goes along to the new branch, across shards, with the meetings attended", async () => {
    const from = await branchWithMembers(0, 2);
    const to = await tenant(1);
    const [m] = from.members;
    await must("POST", `/v1/branches/${from.branch.id}/study/activities/batch`, {
      key: from.branchKey,
      body: {
        activities: [
          { memberId: m.id, kind: "daily_quiz", occurredAt: "2025-05-06T08:00:00+08:00", units: 4 },
          {
            memberId: m.id,
            kind: "offline_session",
            occurredAt: "2025-05-07T19:00:00+08:00",
            durationSec: 7200,
          },
        ],
      },
    });
    await must("POST", `/v1/branches/${from.branch.id}/meetings`, {
      key: from.branchKey,
      body: { kind: "lecture", heldOn: "2025-05-20", topic: "专题党课", attendeeIds: [m.id], hours: 4 },
    });
    const letter = await must("POST", `/v1/branches/${from.branch.id}/members/${m.id}/transfers`, {
      key: from.branchKey,
      body: { toBranchId: to.branch.id },
    });
    await must("POST", `/v1/transfers/${letter.id}/accept`, { key: to.branchKey });
    const there = await must("GET", `/v1/branches/${to.branch.id}/study/members/${m.id}/summary?year=2025`, {
      key: to.branchKey,
    });
    expect(there.byDay.map((d: { day: string; points: number }) => [d.day, d.points])).toEqual([
      ["2025-05-06", 4],
      ["2025-05-07", 4],
    ]);
    expect(there.classHours).toMatchObject({ meetings: 4, study: 2, total: 6 });
    expect(there.meetings).toEqual({ attended: 1, absent: 0 });
  });
});

describe("correcting a meeting over HTTP", () => {
  it("mends a recorded meeting with a reason, keeps what it replaced, and refuses a stale copy", async () => {
    const t = await branchWithMembers(0, 3);
    const [a, b, c] = t.members;
    const path = `/v1/branches/${t.branch.id}/meetings`;
    const body = {
      kind: "group",
      heldOn: "2025-09-12",
      topic: "党小组学习",
      attendeeIds: [a.id, b.id],
      hours: 1,
    };
    const recorded = await must("POST", path, { key: t.branchKey, body });
    const corrected = await http("POST", `${path}/${recorded.id}/corrections`, {
      key: t.branchKey,
      body: { ...body, attendeeIds: [a.id, b.id, c.id], reason: "漏记一名出席党员", revision: 0 },
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ present: 3, revision: 1 });
    const stale = await http("POST", `${path}/${recorded.id}/corrections`, {
      key: t.branchKey,
      body: { ...body, reason: "改回", revision: 0 },
    });
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toContain("application/problem+json");
    const got = await must("GET", `${path}/${recorded.id}`, { key: t.districtKey });
    expect(got).toMatchObject({ present: 3, revision: 1 });
    expect(got.corrections).toMatchObject([{ replacedRevision: 0, replaced: { present: 2 } }]);
    const hours = await must("GET", `/v1/branches/${t.branch.id}/study/members/${c.id}/summary?year=2025`, {
      key: t.branchKey,
    });
    expect(hours.classHours.meetings).toBe(1);
    expect(
      await must("GET", `/v1/branches/${t.branch.id}/events/verify`, { key: t.districtKey }),
    ).toMatchObject({
      ok: true,
    });
  });
});

describe("the demo district's study and organizational life", () => {
  it("names exactly the committee meetings the skipping branch missed, and nothing else", async () => {
    const demo = await demoDistrict();
    const today = shanghaiToday();
    for (const [key, b] of Object.entries(demo.keys.branches)) {
      const report = await must("GET", `/v1/branches/${b.branchId}/meetings/compliance`, {
        key: demo.keys.auditor,
      });
      const missing = Object.fromEntries(
        report.items.map((i: { code: string; missing: string[] }) => [i.code, i.missing]),
      );
      const gaps = key === SKIPPING_BRANCH ? skippedCommitteeMonths(today) : [];
      expect(missing).toEqual({
        general_assembly_quarterly: [],
        committee_monthly: gaps,
        group_monthly: [],
        lecture_quarterly: [],
        secretary_lecture_yearly: [],
        theme_day_monthly: [],
        life_meeting_yearly: [],
      });
    }
    // the seed studies up to yesterday
    const yesterday = addDays(today, -1);
    const board = await must(
      "GET",
      `/v1/districts/${demo.districtId}/study/leaderboard?period=month&date=${yesterday}`,
      {
        key: demo.keys.districtAdmin,
      },
    );
    // the branches on record since January study; 城南街道党支部 (since September) is ranked too
    expect(board.items.length).toBe(Object.keys(demo.keys.branches).length + 1);
    const studying = new Set(Object.values(demo.keys.branches).map((b) => b.branchId));
    expect(
      board.items
        .filter((i: { branchId: string }) => studying.has(i.branchId))
        .every((i: { activityRate: number }) => i.activityRate > 0 && i.activityRate < 1),
    ).toBe(true);
    const econ = demo.keys.branches.econ!;
    const ranking = await must(
      "GET",
      `/v1/branches/${econ.branchId}/study/leaderboard?period=month&date=${yesterday}`,
      { key: econ.branchAdmin },
    );
    // someone on every branch never studies: they are at the bottom with nothing
    expect(ranking.items.at(-1)).toMatchObject({ points: 0, activeDays: 0 });
    // the district changed its rules a month ago: older days keep version 0, later ones use 1
    const versions = new Set<number>();
    for (const year of new Set([addDays(today, -60).slice(0, 4), yesterday.slice(0, 4)])) {
      const me = await must(
        "GET",
        `/v1/branches/${econ.branchId}/study/members/${demo.keys.member.memberId}/summary?year=${year}`,
        { key: demo.keys.member.key },
      );
      for (const d of me.byDay) versions.add(d.ruleVersion);
    }
    expect(versions).toEqual(new Set([0, 1]));
  });
});
