import { describe, expect, it } from "vitest";
import { arrearsStartMonth } from "../dues/dues";
import { openingState } from "../pipeline/state";
import { MODULE_AUDIT_RULES } from "./module-rules";
import { auditBranch } from "./reconcile";
import { DEFAULT_AUDIT_RULES, PLATFORM_AUDIT_RULES } from "./rules";
import type { BranchSnapshot } from "./snapshot";

/** A branch that came to the platform on 1 September and has done nothing since. */
const adopted: BranchSnapshot = {
  branchId: "br_new",
  districtId: "dt_1",
  branchName: "新上线党支部",
  kind: "branch",
  today: "2026-11-27",
  members: { applicant: 0, activist: 0, candidate: 0, probationary: 0, full: 5 },
  committee: { termStart: "2025-03-15", termEnd: "2028-03-15", size: 3 },
  lastActivityOn: null,
  duesArrears: [],
  expiredTransfers: [],
  foundedOn: "2003-07-01",
  recordsFrom: "2026-09-01",
  meetings: [],
  studyPoints: [],
  cases: [],
  dutyTasks: [],
  lastQuarterInspection: { period: "2026-Q3", status: null },
};

const all = [...PLATFORM_AUDIT_RULES, ...MODULE_AUDIT_RULES];
const run = (s: Partial<BranchSnapshot>) => auditBranch({ ...adopted, ...s }, all, DEFAULT_AUDIT_RULES);

describe("audits of a branch that adopted the platform mid-year", () => {
  it("name only the meeting periods from the records start", () => {
    const gaps = run({})
      .filter((f) => f.rule === "meeting_cadence_gap")
      .map((f) => f.period)
      .sort();
    // months Sep and Oct ended without their meetings; Q3 straddles the start and the year is not over
    expect(gaps).toEqual([
      "committee_monthly:2026-09",
      "committee_monthly:2026-10",
      "group_monthly:2026-09",
      "group_monthly:2026-10",
      "theme_day_monthly:2026-09",
      "theme_day_monthly:2026-10",
    ]);
  });

  it("find nothing at all for a branch whose records started today", () => {
    const fresh = run({ recordsFrom: "2026-11-27" });
    expect(fresh.map((f) => f.rule)).toEqual([]);
  });

  it("skip last quarter's inspection when that quarter began before the records", () => {
    expect(run({}).some((f) => f.rule === "inspection_not_submitted_in_time")).toBe(false);
    expect(
      run({ recordsFrom: "2026-07-01" }).some((f) => f.rule === "inspection_not_submitted_in_time"),
    ).toBe(true);
  });

  it("judge a member's 30 days of study only once they and the branch were on record for all of them", () => {
    const studyPoints = [
      { memberId: "mb_old", name: "老党员", points: 0, joinedBranchOn: "2026-09-01" },
      { memberId: "mb_new", name: "新转入", points: 0, joinedBranchOn: "2026-11-10" },
    ];
    const low = run({ studyPoints }).filter((f) => f.rule === "study_below_threshold");
    expect(low.map((f) => f.subjectId)).toEqual(["mb_old"]);
    expect(
      run({ studyPoints, recordsFrom: "2026-11-01" }).filter((f) => f.rule === "study_below_threshold"),
    ).toEqual([]);
  });

  it("leave development deadlines that fell due before the records start", () => {
    const state = {
      ...openingState("1998-05-01"),
      appliedOn: "2026-03-02",
      steps: [{ step: "application" as const, occurredOn: "2026-03-02", data: {}, cycle: 0 }],
    };
    const cases = [{ caseId: "dc_1", memberId: "mb_1", memberName: "申请人", state }];
    // the talk was due on 2026-04-02, before the records: not judged
    expect(run({ cases }).filter((f) => f.rule === "application_talk_overdue")).toEqual([]);
    expect(
      run({ cases, recordsFrom: "2026-01-01" }).filter((f) => f.rule === "application_talk_overdue"),
    ).toHaveLength(1);
  });

  it("counts a silent branch's 30 days from its records start", () => {
    expect(run({ recordsFrom: "2026-11-01" }).some((f) => f.rule === "branch_inactive")).toBe(false);
    expect(run({ recordsFrom: "2026-10-01" }).some((f) => f.rule === "branch_inactive")).toBe(true);
  });
});

describe("where an unpaid run can start", () => {
  const base = {
    lastPaid: null,
    joinedOn: "2010-07-01",
    branchFirst: "2026-01",
    joinedBranchOn: null,
    recordsFrom: null,
  };
  it("is after the last payment, or when the member and branch both started", () => {
    expect(arrearsStartMonth(base)).toBe("2026-01");
    expect(arrearsStartMonth({ ...base, lastPaid: "2026-04" })).toBe("2026-05");
  });
  it("is never before the first whole month of the records and of the member's time on the roll", () => {
    expect(arrearsStartMonth({ ...base, recordsFrom: "2026-09-01" })).toBe("2026-09");
    expect(arrearsStartMonth({ ...base, lastPaid: "2026-04", recordsFrom: "2026-09-01" })).toBe("2026-09");
    // a member transferred in on 15 October owes this branch from November
    expect(arrearsStartMonth({ ...base, recordsFrom: "2026-09-01", joinedBranchOn: "2026-10-15" })).toBe(
      "2026-11",
    );
  });
});
