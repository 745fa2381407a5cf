import { describe, expect, it } from "vitest";
import { dayPoints, emptyDay } from "./day";
import { daysNeeded, memberKey, rollUp, scoreActivities, startsNewDay } from "./ledger";
import { DEFAULT_STUDY_RULES, type StudyRules } from "./rules";
import type { ActivityInput } from "./scoring";

const a = (
  memberId: string,
  kind: string,
  occurredAt: string,
  more: Partial<ActivityInput> = {},
): ActivityInput => ({
  memberId,
  kind,
  occurredAt,
  day: occurredAt.slice(0, 10),
  durationSec: null,
  units: null,
  ref: null,
  ...more,
});

const base = {
  rulesFor: () => DEFAULT_STUDY_RULES,
  latestVersion: 0,
  now: new Date("2026-11-27T12:00:00+08:00"),
  today: "2026-11-27",
  recorder: "branch" as const,
};

describe("scoring a batch of activities", () => {
  it("names the stored days it needs: whole ISO weeks and the day before", () => {
    expect(
      daysNeeded([
        a("mb_1", "login", "2026-11-27T09:00:00+08:00"),
        a("mb_2", "login", "2026-11-16T09:00:00+08:00"),
      ]),
    ).toEqual({
      memberIds: ["mb_1", "mb_2"],
      from: "2026-11-15",
      to: "2026-11-29",
    });
    expect(daysNeeded([])).toBeNull();
  });

  it("scores in the order things happened and reports in the order sent", () => {
    const { entries, changed } = scoreActivities({
      ...base,
      stored: [],
      activities: [
        a("mb_1", "video", "2026-11-27T09:10:00+08:00", { ref: "late" }),
        ...Array.from({ length: 6 }, (_, i) =>
          a("mb_1", "video", `2026-11-27T08:0${i}:00+08:00`, { ref: `v${i}` }),
        ),
      ],
    });
    // the 09:10 video came last in time: the cap was already reached
    expect(entries[0]).toMatchObject({ ok: true, awarded: 0, capped: true, dayTotal: 6 });
    expect(entries.slice(1).every((e) => e.ok && e.awarded === 1)).toBe(true);
    expect(changed).toHaveLength(1);
    expect(dayPoints(changed[0]!)).toBe(6);
  });

  it("keeps a stored day's rule-set version and starts new days on the latest", () => {
    const strict: StudyRules = {
      ...DEFAULT_STUDY_RULES,
      kinds: { ...DEFAULT_STUDY_RULES.kinds, video: { ...DEFAULT_STUDY_RULES.kinds.video!, dailyCap: 2 } },
    };
    const stored = [emptyDay("mb_1", "2026-11-26", 1)];
    const activities = [0, 1, 2].flatMap((i) => [
      a("mb_1", "video", `2026-11-26T09:0${i}:00+08:00`, { ref: `a${i}` }),
      a("mb_1", "video", `2026-11-27T09:0${i}:00+08:00`, { ref: `b${i}` }),
    ]);
    expect(startsNewDay(activities, stored)).toBe(true);
    const { changed, entries } = scoreActivities({
      ...base,
      stored,
      activities,
      rulesFor: (v) => (v === 2 ? strict : DEFAULT_STUDY_RULES),
      latestVersion: 2,
    });
    const byDay = Object.fromEntries(changed.map((d) => [d.day, d]));
    expect(byDay["2026-11-26"]).toMatchObject({ ruleVersion: 1 });
    expect(dayPoints(byDay["2026-11-26"]!)).toBe(3);
    expect(byDay["2026-11-27"]).toMatchObject({ ruleVersion: 2 });
    expect(dayPoints(byDay["2026-11-27"]!)).toBe(2);
    expect(entries.every((e) => e.ok)).toBe(true);
  });

  it("keeps a weekly cap across the days of a batch", () => {
    const { entries } = scoreActivities({
      ...base,
      stored: [],
      activities: [
        a("mb_1", "weekly_quiz", "2026-11-23T09:00:00+08:00", { units: 4 }),
        a("mb_1", "weekly_quiz", "2026-11-25T09:00:00+08:00", { units: 4 }),
        // the next ISO week starts over
        a("mb_1", "weekly_quiz", "2026-11-30T09:00:00+08:00", { units: 4 }),
      ],
      now: new Date("2026-12-01T12:00:00+08:00"),
      today: "2026-12-01",
    });
    expect(entries.map((e) => e.ok && e.awarded)).toEqual([4, 1, 4]);
  });

  it("reports refusals per activity and lets the rest through", () => {
    const { entries } = scoreActivities({
      ...base,
      stored: [],
      activities: [
        a("mb_1", "login", "2026-11-27T09:00:00+08:00"),
        a("mb_1", "login", "2026-11-28T09:00:00+08:00"),
      ],
    });
    expect(entries[0]).toMatchObject({ ok: true, awarded: 1 });
    expect(entries[1]).toMatchObject({ ok: false, failures: [{ rule: "activity_in_future" }] });
  });
});

describe("rolling scored activities up into period totals", () => {
  it("adds points and activities to day, week, month and year, and counts newly active members", () => {
    const { entries } = scoreActivities({
      ...base,
      stored: [],
      activities: [
        a("mb_1", "login", "2026-11-27T08:00:00+08:00"),
        a("mb_1", "video", "2026-11-27T08:10:00+08:00", { ref: "v" }),
        a("mb_2", "login", "2026-11-27T08:00:00+08:00"),
      ],
    });
    // mb_2 studied earlier this month, but not yet this week
    const existing = new Set([memberKey("mb_2", "2026-11"), memberKey("mb_2", "2026")]);
    const { members, branch } = rollUp(entries, existing);
    const split = { earned: 0, earnedActivities: 0 };
    expect(members.filter((m) => m.memberId === "mb_1")).toEqual([
      { memberId: "mb_1", period: "2026-11-27", points: 2, activities: 2, activeDays: 1, ...split },
      { memberId: "mb_1", period: "2026-W48", points: 2, activities: 2, activeDays: 1, ...split },
      { memberId: "mb_1", period: "2026-11", points: 2, activities: 2, activeDays: 1, ...split },
      { memberId: "mb_1", period: "2026", points: 2, activities: 2, activeDays: 1, ...split },
    ]);
    const none = { earned: 0, earnedActivities: 0, earnedActiveMembers: 0 };
    expect(branch).toEqual([
      { period: "2026-11-27", points: 3, activities: 3, activeMembers: 2, ...none },
      { period: "2026-W48", points: 3, activities: 3, activeMembers: 2, ...none },
      { period: "2026-11", points: 3, activities: 3, activeMembers: 1, ...none },
      { period: "2026", points: 3, activities: 3, activeMembers: 1, ...none },
    ]);
  });

  it("keeps earned points and members active in the library apart", () => {
    const { entries, changed } = scoreActivities({
      ...base,
      recorder: "member",
      stored: [],
      activities: [
        a("mb_1", "login", "2026-11-27T08:00:00+08:00"),
        a("mb_1", "video", "2026-11-27T08:10:00+08:00", { ref: "sm_1", source: "earned" }),
        a("mb_1", "video_time", "2026-11-27T08:10:00+08:00", { durationSec: 360, source: "earned" }),
        a("mb_2", "daily_quiz", "2026-11-27T08:00:00+08:00", { units: 3, source: "earned" }),
      ],
    });
    expect(changed.map((d) => [d.memberId, dayPoints(d), d.earned])).toEqual([
      ["mb_1", 4, 3],
      ["mb_2", 3, 3],
    ]);
    // mb_2 earned in the library earlier this year; mb_1 only ever claimed before
    const existing = new Set([memberKey("mb_1", "2026"), memberKey("mb_2", "2026")]);
    const { members, branch } = rollUp(entries, existing, new Set([memberKey("mb_2", "2026")]));
    expect(members.find((m) => m.memberId === "mb_1" && m.period === "2026-11-27")).toMatchObject({
      points: 4,
      activities: 3,
      earned: 3,
      earnedActivities: 2,
    });
    expect(branch.find((b) => b.period === "2026-11-27")).toMatchObject({
      points: 7,
      earned: 6,
      activeMembers: 2,
      earnedActivities: 3,
      earnedActiveMembers: 2,
    });
    expect(branch.find((b) => b.period === "2026")).toMatchObject({
      activeMembers: 0,
      earnedActiveMembers: 1,
    });
  });

  it("neither counts earned activities toward a burst nor lets them trip one", () => {
    const claimed = Array.from({ length: 5 }, (_, i) =>
      a("mb_1", "article", `2026-11-27T08:00:0${i}+08:00`, { ref: `x${i}` }),
    );
    const earned = Array.from({ length: 4 }, (_, i) =>
      a("mb_1", "article", `2026-11-27T08:00:1${i}+08:00`, { ref: `sm_${i}`, source: "earned" }),
    );
    const { entries } = scoreActivities({
      ...base,
      recorder: "member",
      stored: [],
      activities: [...claimed, ...earned, a("mb_1", "article", "2026-11-27T08:00:30+08:00", { ref: "x9" })],
    });
    expect(entries.map((e) => e.ok && e.flags)).toEqual([...Array(10).fill([])]);
  });

  it("nets flag deductions into the totals", () => {
    const burst = Array.from({ length: 7 }, (_, i) =>
      a("mb_1", "article", `2026-11-27T08:00:0${i}+08:00`, { ref: `x${i}` }),
    );
    const { entries } = scoreActivities({ ...base, stored: [], activities: burst });
    const { members } = rollUp(entries, new Set());
    expect(members[0]).toMatchObject({ points: 6 - 1, activities: 7, activeDays: 1 });
  });
});
