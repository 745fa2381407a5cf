import { describe, expect, it } from "vitest";
import {
  checkComplete,
  checkDutyTaskPlan,
  checkVerify,
  completionSummary,
  type DutyTaskFacts,
  dutyTaskFindings,
  dutyTaskState,
} from "./duty-tasks";
import { DEFAULT_EVALUATION_RULES } from "./rules";

const task = (over: Partial<DutyTaskFacts> = {}): DutyTaskFacts => ({
  month: "2026-11",
  dueOn: "2026-11-20",
  status: "open",
  completedOn: null,
  ...over,
});

describe("duty tasks (一岗双责)", () => {
  it("are set for committee members and fall due within their month", () => {
    expect(
      checkDutyTaskPlan({ month: "2026-11", dueOn: "2026-11-30", assigneePosts: ["organization"] }),
    ).toEqual([]);
    expect(
      checkDutyTaskPlan({ month: "2026-11", dueOn: "2026-12-01", assigneePosts: [] }).map((f) => f.rule),
    ).toEqual(["duty_assignee_not_committee", "duty_due_outside_month"]);
  });

  it("go open → completed → verified, never backwards or by the assignee", () => {
    expect(checkComplete({ status: "open", completedOn: "2026-11-19", today: "2026-11-27" })).toEqual([]);
    expect(checkComplete({ status: "open", completedOn: "2026-11-28", today: "2026-11-27" })[0]!.rule).toBe(
      "duty_completed_in_future",
    );
    expect(
      checkComplete({ status: "completed", completedOn: "2026-11-19", today: "2026-11-27" })[0]!.rule,
    ).toBe("duty_task_not_open");
    expect(checkVerify({ status: "completed", assigneeId: "mb_a", verifierMemberId: null })).toEqual([]);
    expect(checkVerify({ status: "completed", assigneeId: "mb_a", verifierMemberId: "mb_b" })).toEqual([]);
    expect(checkVerify({ status: "completed", assigneeId: "mb_a", verifierMemberId: "mb_a" })[0]!.rule).toBe(
      "duty_self_verification",
    );
    expect(checkVerify({ status: "open", assigneeId: "mb_a", verifierMemberId: null })[0]!.rule).toBe(
      "duty_task_not_completed",
    );
    expect(checkVerify({ status: "verified", assigneeId: "mb_a", verifierMemberId: null })[0]!.rule).toBe(
      "duty_task_not_completed",
    );
  });

  it("become overdue the day after they fall due, if still open", () => {
    expect(dutyTaskState(task(), "2026-11-20")).toBe("open");
    expect(dutyTaskState(task(), "2026-11-21")).toBe("overdue");
    expect(dutyTaskState(task({ status: "completed", completedOn: "2026-11-25" }), "2026-12-01")).toBe(
      "completed",
    );
  });

  it("give the audits worker overdue and unverified findings", () => {
    const rules = DEFAULT_EVALUATION_RULES;
    const base = { id: "dtk_1", assigneeId: "mb_a" };
    expect(dutyTaskFindings({ ...task(), ...base }, "2026-11-21", rules)[0]).toMatchObject({
      rule: "duty_task_overdue",
      severity: "warning",
    });
    const done = { ...task({ status: "completed", completedOn: "2026-11-18" }), ...base };
    expect(dutyTaskFindings(done, "2026-12-05", rules)).toEqual([]);
    expect(dutyTaskFindings(done, "2026-12-06", rules)[0]).toMatchObject({
      rule: "duty_task_unverified",
      facts: { dueBy: "2026-12-05" },
    });
    expect(dutyTaskFindings({ ...done, status: "verified" }, "2027-01-01", rules)).toEqual([]);
  });

  it("report completion and verification ratios", () => {
    const s = completionSummary(
      [
        task({ status: "verified", completedOn: "2026-11-10" }),
        task({ status: "completed", completedOn: "2026-11-12" }),
        task(),
        task({ dueOn: "2026-11-30" }),
      ],
      "2026-11-27",
    );
    expect(s).toEqual({
      tasks: 4,
      completed: 2,
      verified: 1,
      overdue: 1,
      completionRatio: 0.5,
      verificationRatio: 0.25,
    });
    expect(completionSummary([], "2026-11-27").completionRatio).toBeNull();
  });
});
