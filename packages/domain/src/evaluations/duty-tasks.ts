import { addDays } from "../calendar/dates";
import { failure, type RuleFailure } from "../rules/rule";
import { isWithinMonth, monthEnd } from "./periods";
import type { EvaluationRules } from "./rules";

/**
 * 一岗双责 monthly tasks: set for a committee member at the start of a month, completed by them,
 * verified at the month's end (月初细化明确任务，月底检查验证). "Overdue" is not stored: it is an
 * open task past its due date, derived on read so it never goes stale.
 */
export const DUTY_TASK_STATUSES = ["open", "completed", "verified"] as const;
export type DutyTaskStatus = (typeof DUTY_TASK_STATUSES)[number];
export type DutyTaskState = DutyTaskStatus | "overdue";

export interface DutyTaskFacts {
  month: string;
  dueOn: string;
  status: DutyTaskStatus;
  completedOn: string | null;
}

export function checkDutyTaskPlan(f: {
  month: string;
  dueOn: string;
  assigneePosts: string[];
}): RuleFailure[] {
  const out: RuleFailure[] = [];
  if (f.assigneePosts.length === 0) {
    out.push(
      failure(
        "duty_assignee_not_committee",
        { zh: "一岗双责任务只能分派给支部委员", en: "Duty tasks are set for committee members" },
        {},
      ),
    );
  }
  if (!isWithinMonth(f.dueOn, f.month)) {
    out.push(
      failure(
        "duty_due_outside_month",
        { zh: "完成期限应在任务所属月份之内", en: "A monthly task falls due within its month" },
        { month: f.month, dueOn: f.dueOn },
      ),
    );
  }
  return out;
}

export function checkComplete(f: {
  status: DutyTaskStatus;
  completedOn: string;
  today: string;
}): RuleFailure[] {
  if (f.status !== "open") {
    return [
      failure(
        "duty_task_not_open",
        { zh: "该任务已完成，不能重复提交", en: "This task is already completed" },
        { status: f.status },
      ),
    ];
  }
  if (f.completedOn > f.today) {
    return [
      failure(
        "duty_completed_in_future",
        { zh: "完成日期不能晚于今天", en: "The completion date is in the future" },
        { completedOn: f.completedOn, today: f.today },
      ),
    ];
  }
  return [];
}

/** Verification is somebody else's check of a completed task, never the assignee's own. */
export function checkVerify(f: {
  status: DutyTaskStatus;
  assigneeId: string;
  verifierMemberId: string | null;
}): RuleFailure[] {
  if (f.status !== "completed") {
    return [
      failure(
        "duty_task_not_completed",
        {
          zh: f.status === "verified" ? "该任务已验证" : "任务尚未完成，不能验证",
          en: f.status === "verified" ? "This task is already verified" : "The task is not completed yet",
        },
        { status: f.status },
      ),
    ];
  }
  if (f.verifierMemberId !== null && f.verifierMemberId === f.assigneeId) {
    return [
      failure(
        "duty_self_verification",
        { zh: "不能验证自己的任务", en: "Nobody verifies their own task" },
        { assigneeId: f.assigneeId },
      ),
    ];
  }
  return [];
}

export function dutyTaskState(t: DutyTaskFacts, today: string): DutyTaskState {
  if (t.status === "open" && today > t.dueOn) return "overdue";
  return t.status;
}

/** A completed task still unverified this many days after its month ended. */
export function verificationDueBy(month: string, rules: Pick<EvaluationRules, "dutyTasks">): string {
  return addDays(monthEnd(month), rules.dutyTasks.verifyGraceDays);
}

/**
 * For the audits worker: what is wrong with a task today — overdue (open past its due date) or
 * unverified (completed, and its month's verification is past due). Warnings, not blocks.
 */
export function dutyTaskFindings(
  t: DutyTaskFacts & { id: string; assigneeId: string },
  today: string,
  rules: Pick<EvaluationRules, "dutyTasks">,
): RuleFailure[] {
  if (dutyTaskState(t, today) === "overdue") {
    return [
      failure(
        "duty_task_overdue",
        { zh: "一岗双责任务逾期未完成", en: "A duty task is past its due date" },
        { taskId: t.id, assigneeId: t.assigneeId, dueOn: t.dueOn, today },
        "warning",
      ),
    ];
  }
  const dueBy = verificationDueBy(t.month, rules);
  if (t.status === "completed" && today > dueBy) {
    return [
      failure(
        "duty_task_unverified",
        { zh: "一岗双责任务月底未检查验证", en: "A completed duty task was not verified after its month" },
        { taskId: t.id, assigneeId: t.assigneeId, month: t.month, dueBy, today },
        "warning",
      ),
    ];
  }
  return [];
}

export interface CompletionSummary {
  tasks: number;
  completed: number;
  verified: number;
  overdue: number;
  /** done (completed or verified) over all tasks; null when there are none */
  completionRatio: number | null;
  verificationRatio: number | null;
}

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

export function completionSummary(tasks: DutyTaskFacts[], today: string): CompletionSummary {
  let completed = 0;
  let verified = 0;
  let overdue = 0;
  for (const t of tasks) {
    const s = dutyTaskState(t, today);
    if (s === "completed" || s === "verified") completed += 1;
    if (s === "verified") verified += 1;
    if (s === "overdue") overdue += 1;
  }
  return {
    tasks: tasks.length,
    completed,
    verified,
    overdue,
    completionRatio: ratio(completed, tasks.length),
    verificationRatio: ratio(verified, tasks.length),
  };
}
