import { describe, expect, it } from "vitest";
import { classHours } from "./class-hours";
import { emptyDay } from "./day";
import { admitActivity, checkStudent } from "./eligibility";
import { dayProgress } from "./progress";
import { rankBranches, rankMembers, visibleStandings } from "./ranking";
import { checkStudyRules, DEFAULT_STUDY_RULES } from "./rules";
import { summarizeDays } from "./year";

const m = (memberId: string, points: number) => ({
  memberId,
  name: memberId.toUpperCase(),
  points,
  activeDays: 1,
  activities: 1,
});

describe("member rankings", () => {
  it("shares ranks on equal points (1, 2, 2, 4)", () => {
    const ranked = rankMembers([m("c", 5), m("a", 9), m("d", 1), m("b", 5)]);
    expect(ranked.map((r) => [r.memberId, r.rank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 2],
      ["d", 4],
    ]);
  });

  it("shows members what the district allows", () => {
    const ranked = rankMembers([m("a", 9), m("b", 5), m("c", 1)]);
    expect(visibleStandings(ranked, "self", null)).toHaveLength(3);
    expect(visibleStandings(ranked, "full", "b").map((r) => r.name)).toEqual(["A", "B", "C"]);
    expect(visibleStandings(ranked, "anonymous", "b").map((r) => [r.name, r.memberId, r.self])).toEqual([
      [null, null, false],
      ["B", "b", true],
      [null, null, false],
    ]);
    expect(visibleStandings(ranked, "self", "b")).toEqual([
      { rank: 2, memberId: "b", name: "B", points: 5, activeDays: 1, activities: 1, self: true },
    ]);
    expect(visibleStandings(ranked, "hidden", "b")).toEqual([]);
  });
});

describe("branch rankings", () => {
  it("orders by activity rate, then average points, and ranks branches without activity last", () => {
    const ranked = rankBranches([
      { branchId: "br_a", name: "A", members: 10, activeMembers: 5, points: 200, activities: 90 },
      { branchId: "br_b", name: "B", members: 8, activeMembers: 8, points: 80, activities: 40 },
      { branchId: "br_c", name: "C", members: 10, activeMembers: 5, points: 300, activities: 90 },
      { branchId: "br_d", name: "D", members: null, activeMembers: 0, points: 0, activities: 0 },
    ]);
    expect(ranked.map((b) => [b.branchId, b.rank, b.activityRate, b.averagePoints])).toEqual([
      ["br_b", 1, 1, 10],
      ["br_c", 2, 0.5, 30],
      ["br_a", 3, 0.5, 20],
      ["br_d", 4, 0, 0],
    ]);
  });
});

describe("progress and class hours", () => {
  it("shows per-item progress against the tightest cap", () => {
    const day = emptyDay("mb_1", "2026-11-27", 0);
    day.kinds = {
      article: { points: 4, units: 4, seconds: 0, count: 4 },
      video: { points: 2, units: 2, seconds: 0, count: 2 },
      weekly_quiz: { points: 1, units: 1, seconds: 0, count: 1 },
    };
    const p = dayProgress(DEFAULT_STUDY_RULES, day, (k) => (k === "weekly_quiz" ? 3 : 0));
    const of = (k: string) => p.kinds.find((x) => x.kind === k)?.progress;
    expect(of("article")).toBe("4/12");
    expect(of("video")).toBe("2/6");
    expect(of("login")).toBe("0/1");
    expect(of("weekly_quiz")).toBe("1/5");
    expect(p.kinds.find((x) => x.kind === "weekly_quiz")?.week).toEqual({
      points: 4,
      cap: 5,
      progress: "4/5",
    });
    expect(p.kinds.find((x) => x.kind === "video")?.week).toBeNull();
    expect(of("offline_session")).toBe("0");
    expect(p.kinds.some((k) => k.kind === "deduction")).toBe(false);
    expect(p.groups).toEqual([
      {
        group: "reading",
        label: DEFAULT_STUDY_RULES.capGroups.reading!.label,
        points: 4,
        cap: 12,
        progress: "4/12",
      },
    ]);
  });

  it("holds members to 32 hours and committee members to 56", () => {
    expect(
      classHours(DEFAULT_STUDY_RULES, { committeeMember: false, meetingHours: 20, studySeconds: 12 * 3600 }),
    ).toEqual({
      required: 32,
      meetings: 20,
      study: 12,
      total: 32,
      met: true,
      shortBy: 0,
    });
    expect(
      classHours(DEFAULT_STUDY_RULES, { committeeMember: true, meetingHours: 20, studySeconds: 5400 }),
    ).toMatchObject({
      required: 56,
      total: 21.5,
      met: false,
      shortBy: 34.5,
    });
  });
});

describe("rule set consistency", () => {
  it("accepts the defaults and names broken references", () => {
    expect(checkStudyRules(DEFAULT_STUDY_RULES)).toEqual([]);
    const broken = {
      ...DEFAULT_STUDY_RULES,
      kinds: {
        ...DEFAULT_STUDY_RULES.kinds,
        poem: { ...DEFAULT_STUDY_RULES.kinds.article!, group: "poetry" },
        clock: { ...DEFAULT_STUDY_RULES.kinds.video_time!, unitSec: null },
        fine: { ...DEFAULT_STUDY_RULES.kinds.deduction!, dailyCap: 3 },
      },
      meetings: [...DEFAULT_STUDY_RULES.meetings, DEFAULT_STUDY_RULES.meetings[0]!],
    };
    expect(checkStudyRules(broken).map((f) => f.rule)).toEqual([
      "study_rules_unknown_group",
      "study_rules_time_unit",
      "study_rules_capped_deduction",
      "study_rules_duplicate_cadence",
    ]);
  });
});

describe("who studies for points", () => {
  it("takes party members and refuses people still in the pipeline", () => {
    expect(checkStudent("mb_1", "full")).toEqual([]);
    expect(checkStudent("mb_1", "probationary")).toEqual([]);
    expect(checkStudent("mb_2", "activist")).toEqual([
      expect.objectContaining({
        rule: "study_party_members_only",
        facts: { memberId: "mb_2", status: "activist" },
      }),
    ]);
  });

  it("admits an activity only for someone on the roll, and branch kinds only from the branch", () => {
    const a = { memberId: "mb_1", kind: "offline_session" };
    const rule = DEFAULT_STUDY_RULES.kinds.offline_session;
    const rules = (...args: Parameters<typeof admitActivity>) => admitActivity(...args).map((f) => f.rule);
    expect(rules(a, { status: "full", leftOn: null }, rule, "branch")).toEqual([]);
    expect(rules(a, { status: "full", leftOn: null }, rule, "member")).toEqual([
      "activity_recorded_by_branch",
    ]);
    expect(rules(a, { status: "full", leftOn: "2026-01-01" }, rule, "branch")).toEqual([
      "member_not_on_roll",
    ]);
    expect(rules(a, undefined, rule, "branch")).toEqual(["member_not_on_roll"]);
    expect(rules(a, { status: "candidate", leftOn: null }, rule, "branch")).toEqual([
      "study_party_members_only",
    ]);
  });
});

describe("a member's year", () => {
  it("adds days up into totals, days and kinds", () => {
    const d1 = emptyDay("mb_1", "2026-03-02", 0);
    d1.kinds = {
      login: { points: 1, units: 1, seconds: 0, count: 1 },
      video: { points: 2, units: 2, seconds: 0, count: 3 },
    };
    d1.deducted = 1;
    d1.flagged = 1;
    // one of the videos was watched through the library
    d1.earned = 1;
    const d2 = emptyDay("mb_1", "2026-03-01", 1);
    d2.kinds = { login: { points: 1, units: 1, seconds: 0, count: 1 } };
    expect(summarizeDays([d1, d2])).toEqual({
      totals: { points: 3, earned: 1, claimed: 2, activeDays: 2, activities: 5, flagged: 1 },
      byDay: [
        { day: "2026-03-01", points: 1, earned: 0, claimed: 1, ruleVersion: 1, kinds: { login: 1 } },
        {
          day: "2026-03-02",
          points: 2,
          earned: 1,
          claimed: 1,
          ruleVersion: 0,
          kinds: { login: 1, video: 2 },
        },
      ],
      byKind: [
        { kind: "login", points: 2, units: 2, count: 2 },
        { kind: "video", points: 2, units: 2, count: 3 },
      ],
    });
  });
});
