import { describe, expect, it } from "vitest";
import { DEFAULT_MEETING_CADENCE } from "../meetings/cadence";
import { DEFAULT_PIPELINE_RULES } from "../pipeline/rules";
import { until, walk } from "../pipeline/testing";
import { auditRulesOf } from "./district-rules";
import { pipelineDeadlines } from "./module-rules";
import { DEFAULT_AUDIT_RULES } from "./rules";
import type { BranchSnapshot } from "./snapshot";

const branch: BranchSnapshot = {
  branchId: "br_1",
  districtId: "dt_1",
  branchName: "经济信息中心党支部",
  kind: "branch",
  today: "2023-04-11",
  members: { applicant: 1, activist: 0, candidate: 0, probationary: 0, full: 9 },
  committee: null,
  lastActivityOn: "2023-04-10",
  duesArrears: [],
  expiredTransfers: [],
};

describe("a district's audit rules", () => {
  it("are the national defaults when the district configured nothing", () => {
    expect(auditRulesOf({})).toEqual(DEFAULT_AUDIT_RULES);
  });

  it("take the district's own numbers and ignore what is not a number", () => {
    const r = auditRulesOf({ audits: { inactiveDays: 45, maxMembers: "many", minFullMembers: -1 } });
    expect(r).toMatchObject({ inactiveDays: 45, maxMembers: 50, minFullMembers: 3 });
  });

  it("read the district's meeting cadence from its study rules, and keep the default without one", () => {
    const monthlyOnly = [DEFAULT_MEETING_CADENCE[0]!];
    expect(auditRulesOf({ study: { meetings: monthlyOnly } }).meetings).toEqual(monthlyOnly);
    expect(auditRulesOf({ study: { kinds: {} } }).meetings).toEqual(DEFAULT_MEETING_CADENCE);
  });

  it("merge evaluation rules section by section", () => {
    const r = auditRulesOf({ evaluations: { dutyTasks: { verifyGraceDays: 20 } } });
    expect(r.evaluation.dutyTasks.verifyGraceDays).toBe(20);
    expect(r.evaluation.inspection).toEqual(DEFAULT_AUDIT_RULES.evaluation.inspection);
  });

  it("judge development deadlines by the district's pipeline rules", () => {
    // applied 2023-03-01: the talk was due by 2023-04-01 under the national rule of one month
    const cases = [
      { caseId: "dc_1", memberId: "mb_1", memberName: "陈思远", state: walk(until("application_talk")) },
    ];
    const found = (rules: ReturnType<typeof auditRulesOf>) =>
      pipelineDeadlines.evaluate({ ...branch, cases }, rules).map((f) => f.rule);
    expect(found(auditRulesOf({}))).toEqual(["application_talk_overdue"]);
    const twoMonths = { ...DEFAULT_PIPELINE_RULES, applicationTalkWithinMonths: 2 };
    expect(found(auditRulesOf({ pipeline: twoMonths }))).toEqual([]);
  });
});
