import { describe, expect, it } from "vitest";
import { committeeTermEnding, serviceQuarterWithoutConfirmed } from "../audits/practice-audits";
import { DEFAULT_AUDIT_RULES } from "../audits/rules";
import { caseGates } from "../pipeline/gates";
import { DEFAULT_PIPELINE_RULES } from "../pipeline/rules";
import { facts, HAPPY_PATH, until, walk } from "../pipeline/testing";
import { DEFAULT_STUDY_RULES } from "../study/rules";
import { politicalBirthdaysWithin } from "./birthdays";
import { decideElection, minimumCandidates } from "./elections";
import {
  checkFeature,
  checkReflection,
  REFLECTION_KIND,
  rankModelLearners,
  reflectionExists,
  reflectionLength,
} from "./reflections";
import { checkPracticeRules, DEFAULT_PRACTICE_RULES, resolvePracticeRules } from "./rules";
import {
  checkConfirmation,
  checkSession,
  confirmedHoursBetween,
  formatServiceCode,
  parseServiceCode,
} from "./service";

const codes = (fs: { rule: string }[]) => fs.map((f) => f.rule);

describe("service sessions", () => {
  const base = {
    servedOn: "2025-03-01",
    hours: 2,
    today: "2025-03-10",
    registeredOn: "2025-01-01",
    endedOn: null,
    sameDayHours: 0,
  };
  it("takes hours above 0 up to 24 a day, counting the day's other sessions", () => {
    expect(checkSession(base)).toEqual([]);
    expect(codes(checkSession({ ...base, hours: 0 }))).toEqual(["service_hours_out_of_range"]);
    expect(codes(checkSession({ ...base, hours: -1 }))).toEqual(["service_hours_out_of_range"]);
    expect(checkSession({ ...base, hours: 24 })).toEqual([]);
    expect(codes(checkSession({ ...base, hours: 24.1 }))).toEqual(["service_hours_out_of_range"]);
    expect(checkSession({ ...base, hours: 4, sameDayHours: 20 })).toEqual([]);
    expect(codes(checkSession({ ...base, hours: 4.5, sameDayHours: 20 }))).toEqual([
      "service_hours_over_day",
    ]);
  });
  it("is dated from the registration through today", () => {
    expect(checkSession({ ...base, servedOn: "2025-01-01" })).toEqual([]);
    expect(codes(checkSession({ ...base, servedOn: "2024-12-31" }))).toEqual(["service_before_registration"]);
    expect(checkSession({ ...base, servedOn: "2025-03-10" })).toEqual([]);
    expect(codes(checkSession({ ...base, servedOn: "2025-03-11" }))).toEqual(["service_date_in_future"]);
    expect(codes(checkSession({ ...base, endedOn: "2025-02-28" }))).toEqual([
      "service_after_registration_ended",
    ]);
  });
});

describe("confirmation codes", () => {
  const base = {
    status: "pending" as const,
    confirmedAt: null,
    codeExpiresOn: "2025-04-01",
    today: "2025-04-01",
    memberName: "陈思远",
    personName: "陈 思远",
  };
  it("confirm once, for the person named, until the last day", () => {
    expect(checkConfirmation(base)).toEqual([]);
    expect(codes(checkConfirmation({ ...base, status: "confirmed" }))).toEqual(["service_code_used"]);
    expect(codes(checkConfirmation({ ...base, today: "2025-04-02" }))).toEqual(["service_code_expired"]);
    expect(codes(checkConfirmation({ ...base, personName: "陈思" }))).toEqual(["service_code_other_person"]);
  });
  it("round-trip through their printed form and refuse anything else", () => {
    const branch = "br_01JB2K3M4N5P6Q7R8S9T0V1W2X";
    const code = formatServiceCode(branch, new Uint8Array(24).fill(255));
    expect(code).toBe(`${branch}-${"Z".repeat(24)}`);
    expect(
      parseServiceCode(` ${code.toLowerCase().replace("br_01jb2k3m4n5p6q7r8s9t0v1w2x", branch)} `),
    ).toEqual({ branchId: branch, code });
    expect(parseServiceCode(`${branch}-${"Z".repeat(23)}`)).toBeNull();
    expect(parseServiceCode(`${branch}-${"U".repeat(24)}`)).toBeNull();
    expect(parseServiceCode("nonsense")).toBeNull();
  });
  it("sum confirmed hours in a window", () => {
    const s = [
      { servedOn: "2025-01-01", hours: 1.25 },
      { servedOn: "2025-02-01", hours: 2 },
    ];
    expect(confirmedHoursBetween(s, null, "2025-12-31")).toBe(3.3);
    expect(confirmedHoursBetween(s, "2025-01-02", "2025-12-31")).toBe(2);
    expect(confirmedHoursBetween(s, null, "2025-01-31")).toBe(1.3);
  });
});

describe("the service-hours gate", () => {
  const state = walk(until("candidate_designation"));
  const on = HAPPY_PATH.find((s) => s.step === "candidate_designation")!.occurredOn;
  const gate = (beforeCandidate: number, service: { servedOn: string; hours: number }[]) =>
    codes(
      caseGates(
        state,
        "candidate_designation",
        on,
        { ...facts(), confirmedService: service },
        {
          ...DEFAULT_PIPELINE_RULES,
          serviceHours: { beforeCandidate, beforeFull: 0 },
        },
      ),
    );
  it("is off at 0 and counts confirmed hours since activist designation", () => {
    expect(gate(0, [])).toEqual([]);
    expect(gate(8, [{ servedOn: "2023-05-01", hours: 8 }])).toEqual([]);
    expect(gate(8, [{ servedOn: "2023-05-01", hours: 7.9 }])).toEqual(["service_hours_insufficient"]);
    // before the activist designation (2023-04-15) does not count
    expect(gate(8, [{ servedOn: "2023-04-14", hours: 8 }])).toEqual(["service_hours_insufficient"]);
  });
});

describe("elections (换届)", () => {
  const full = "full" as const;
  const base = {
    heldOn: "2025-06-01",
    today: "2025-06-10",
    expectedVoters: 10,
    presentVoters: 9,
    seats: 3,
    candidates: [
      { memberId: "a", votes: 9, status: full },
      { memberId: "b", votes: 8, status: full },
      { memberId: "c", votes: 6, status: full },
      { memberId: "d", votes: 4, status: full },
    ],
  };
  it("needs 20 % more candidates than seats by default", () => {
    expect(minimumCandidates(3, 20)).toBe(4);
    expect(minimumCandidates(5, 20)).toBe(6);
    expect(minimumCandidates(3, 0)).toBe(3);
    expect(decideElection(base, DEFAULT_PRACTICE_RULES)).toMatchObject({
      failures: [],
      elected: ["a", "b", "c"],
      termEnd: "2028-06-01",
    });
    const equal = { ...base, candidates: base.candidates.slice(0, 3) };
    expect(codes(decideElection(equal, DEFAULT_PRACTICE_RULES).failures)).toEqual([
      "election_margin_too_small",
    ]);
    const lax = {
      ...DEFAULT_PRACTICE_RULES,
      election: { ...DEFAULT_PRACTICE_RULES.election, candidateMarginPercent: 0 },
    };
    expect(decideElection(equal, lax).failures).toEqual([]);
  });
  it("refuses votes beyond the voters present and a meeting without its quorum", () => {
    const over = {
      ...base,
      candidates: [{ ...base.candidates[0]!, votes: 10 }, ...base.candidates.slice(1)],
    };
    expect(codes(decideElection(over, DEFAULT_PRACTICE_RULES).failures)).toContain(
      "election_votes_exceed_present",
    );
    expect(codes(decideElection({ ...base, presentVoters: 8 }, DEFAULT_PRACTICE_RULES).failures)).toContain(
      "election_quorum_not_met",
    );
    expect(codes(decideElection({ ...base, presentVoters: 11 }, DEFAULT_PRACTICE_RULES).failures)).toContain(
      "election_present_exceeds_expected",
    );
    const ballots = { ...base, candidates: base.candidates.map((c) => ({ ...c, votes: 9 })) };
    expect(codes(decideElection(ballots, DEFAULT_PRACTICE_RULES).failures)).toContain(
      "election_votes_exceed_ballots",
    );
  });
  it("elects with more than half of the voters present, exactly half is not enough", () => {
    const half = {
      ...base,
      presentVoters: 9,
      candidates: base.candidates.map((c, i) => ({ ...c, votes: [5, 5, 4, 4][i]! })),
    };
    expect(decideElection(half, DEFAULT_PRACTICE_RULES).elected).toEqual(["a", "b"]);
    const even = {
      ...base,
      expectedVoters: 10,
      presentVoters: 10,
      candidates: base.candidates.map((c, i) => ({ ...c, votes: [6, 5, 5, 4][i]! })),
    };
    expect(decideElection(even, DEFAULT_PRACTICE_RULES).elected).toEqual(["a"]);
  });
});

describe("political birthdays", () => {
  const members = [
    { memberId: "m1", name: "甲", joinedOn: "2001-07-01" },
    { memberId: "m2", name: "乙", joinedOn: "2016-06-24" },
    { memberId: "m3", name: "丙", joinedOn: "2012-02-29" },
    { memberId: "m4", name: "丁", joinedOn: null },
    { memberId: "m5", name: "戊", joinedOn: "2025-06-25" },
  ];
  it("lists the coming week's anniversaries with their years, today included, the 8th day not", () => {
    expect(politicalBirthdaysWithin(members, "2025-06-25", 7)).toEqual([
      { memberId: "m1", name: "甲", joinedOn: "2001-07-01", on: "2025-07-01", years: 24 },
    ]);
    expect(politicalBirthdaysWithin(members, "2025-06-24", 7).map((b) => b.memberId)).toEqual(["m2"]);
    expect(politicalBirthdaysWithin(members, "2025-06-24", 8).map((b) => b.memberId)).toEqual(["m2", "m1"]);
    expect(politicalBirthdaysWithin(members, "2025-02-28", 1)).toMatchObject([{ memberId: "m3", years: 13 }]);
    expect(politicalBirthdaysWithin(members, "2025-12-30", 7)).toEqual([]);
  });
});

describe("reflections", () => {
  it("counts characters without spaces and holds the district's limits", () => {
    expect(reflectionLength("学习 体会\n好")).toBe(5);
    const r = DEFAULT_PRACTICE_RULES;
    expect(checkReflection({ text: "学".repeat(50), subjectFound: true }, r)).toEqual([]);
    expect(codes(checkReflection({ text: "学".repeat(49), subjectFound: true }, r))).toEqual([
      "reflection_length",
    ]);
    expect(checkReflection({ text: "学".repeat(3000), subjectFound: true }, r)).toEqual([]);
    expect(codes(checkReflection({ text: "学".repeat(3001), subjectFound: true }, r))).toEqual([
      "reflection_length",
    ]);
    expect(codes(checkReflection({ text: "学".repeat(60), subjectFound: false }, r))).toEqual([
      "reflection_subject_unknown",
    ]);
  });
  it("ranks model learners by earned points among those featured", () => {
    const rows = [
      { memberId: "a", branchId: "b1", earned: 100, featured: 0 },
      { memberId: "b", branchId: "b1", earned: 80, featured: 1 },
      { memberId: "c", branchId: "b2", earned: 90, featured: 2 },
    ];
    expect(rankModelLearners(rows, 10).map((r) => r.memberId)).toEqual(["c", "b"]);
    expect(rankModelLearners(rows, 1).map((r) => r.memberId)).toEqual(["c"]);
  });
});

describe("featuring a reflection", () => {
  it("features once: a featured reflection is refused a second time", () => {
    expect(checkFeature({ featuredAt: null })).toEqual([]);
    expect(codes(checkFeature({ featuredAt: "2026-11-27T01:00:00.000Z" }))).toEqual([
      "reflection_already_featured",
    ]);
  });
  it("names the reflection a member already wrote on the subject", () => {
    const f = reflectionExists("rfl_1");
    expect(f.rule).toBe("reflection_exists");
    expect(f.facts).toEqual({ reflectionId: "rfl_1" });
  });
  it("scores as a study kind the branch records, within a daily cap of one feature", () => {
    const k = DEFAULT_STUDY_RULES.kinds[REFLECTION_KIND]!;
    expect(k.recordedBy).toBe("branch");
    expect(k.points).toBeGreaterThan(0);
    expect(k.dailyCap).toBe(k.points);
  });
});

describe("the practices rule set", () => {
  it("reads older bodies over the defaults and refuses what does not hang together", () => {
    expect(resolvePracticeRules({ committee: { termYears: 5 } }).committee).toEqual({
      termYears: 5,
      warnDaysBefore: 90,
    });
    expect(checkPracticeRules(DEFAULT_PRACTICE_RULES)).toEqual([]);
    expect(
      codes(
        checkPracticeRules({ ...DEFAULT_PRACTICE_RULES, committee: { termYears: 6, warnDaysBefore: 90 } }),
      ),
    ).toEqual(["rules_committee_term"]);
    expect(
      codes(checkPracticeRules({ ...DEFAULT_PRACTICE_RULES, reflections: { minChars: 10, maxChars: 5 } })),
    ).toEqual(["rules_reflection_length"]);
  });
});

describe("the committee-term warning", () => {
  const snap = (today: string, termEnd: string | null) =>
    ({
      branchId: "b",
      today,
      committee: termEnd ? { termStart: "2022-06-01", termEnd, size: 3 } : null,
    }) as never;
  const warn = (today: string, termEnd: string | null, rules = DEFAULT_AUDIT_RULES) =>
    committeeTermEnding.evaluate(snap(today, termEnd), rules).map((f) => f.rule);
  it("starts 90 days before the end (the district may change it) and stops once the term is over", () => {
    expect(warn("2025-03-02", "2025-06-01")).toEqual([]);
    expect(warn("2025-03-03", "2025-06-01")).toEqual(["committee_term_ending"]);
    expect(warn("2025-06-01", "2025-06-01")).toEqual(["committee_term_ending"]);
    expect(warn("2025-06-02", "2025-06-01")).toEqual([]);
    expect(warn("2025-03-03", null)).toEqual([]);
    const longer = {
      ...DEFAULT_AUDIT_RULES,
      practices: { ...DEFAULT_PRACTICE_RULES, committee: { termYears: 5, warnDaysBefore: 120 } },
    };
    expect(warn("2025-02-01", "2025-06-01", longer)).toEqual(["committee_term_ending"]);
  });
});

describe("the quarterly service warning", () => {
  const people = [
    { memberId: "a", name: "甲", kind: "community" as const, confirmedHours: 0 },
    { memberId: "b", name: "乙", kind: "community" as const, confirmedHours: 0.5 },
    { memberId: "a", name: "甲", kind: "volunteer" as const, confirmedHours: 3 },
  ];
  const snap = (more: Record<string, unknown> = {}) =>
    ({
      branchId: "b",
      today: "2026-04-02",
      lastQuarterService: { period: "2026-Q1", people },
      ...more,
    }) as never;
  const found = (s = snap(), rules = DEFAULT_AUDIT_RULES) =>
    serviceQuarterWithoutConfirmed.evaluate(s, rules);
  it("warns for each registration with no confirmed hours in the last quarter, due by the next one's end", () => {
    const f = found();
    expect(f.map((x) => [x.rule, x.subjectId, x.period])).toEqual([
      ["service_quarter_unconfirmed", "a", "2026-Q1:community"],
    ]);
    expect(f[0]).toMatchObject({ severity: "warning", dueBy: "2026-06-30", subjectType: "member" });
    expect(f[0]!.message.zh).toBe("甲在2026-Q1没有经社区确认的报到服务");
  });
  it("is off when the district turns it off, before the records start and without service data", () => {
    const off = {
      ...DEFAULT_AUDIT_RULES,
      practices: { ...DEFAULT_PRACTICE_RULES, service: { codeValidDays: 30, quarterlyWarning: false } },
    };
    expect(found(snap(), off)).toEqual([]);
    expect(found(snap({ recordsFrom: "2026-01-02" }))).toEqual([]);
    expect(found(snap({ recordsFrom: "2026-01-01" }))).toHaveLength(1);
    expect(found(snap({ lastQuarterService: undefined }))).toEqual([]);
  });
});
