import { addDays, monthOf } from "../calendar/dates";
import { dutyTaskFindings } from "../evaluations/duty-tasks";
import { inspectionNotSubmitted } from "../evaluations/inspection-lifecycle";
import { addQuarters, quarterOf, quarterStart } from "../evaluations/periods";
import { meetingCompliance } from "../meetings/cadence";
import { overdueSteps } from "../pipeline/deadlines";
import { periodJudged, recordsStart } from "../records/records-from";
import type { FindingDraft } from "./finding";
import type { AuditRule } from "./rules";

/** Development deadlines (by default talk in 1 month, reviews every 6, approvals in 3): warnings, never blocks. */
export const pipelineDeadlines: AuditRule = {
  code: "pipeline_deadlines",
  emits: [
    "application_talk_overdue",
    "cultivation_review_overdue",
    "admission_approval_overdue",
    "full_membership_request_overdue",
    "full_membership_approval_overdue",
  ],
  label: { zh: "发展党员环节逾期", en: "Development step overdue" },
  evaluate(s, r) {
    return (s.cases ?? []).flatMap((c) =>
      overdueSteps(c.state, s.today, r.pipeline)
        // a deadline that fell before the branch's records start is history, not judged here
        .filter((o) => periodJudged(o.dueBy, s.recordsFrom ?? null))
        .map((o) => ({
          rule: o.failure.rule,
          subjectType: "case" as const,
          subjectId: c.caseId,
          severity: "warning" as const,
          period: `${o.step}:${o.dueBy}`,
          dueBy: o.dueBy,
          message: {
            zh: `${c.memberName}：${o.failure.message.zh}（逾期 ${o.daysOverdue} 天）`,
            en: `${c.memberName}: ${o.failure.message.en} (${o.daysOverdue} days overdue)`,
          },
          facts: { ...o.failure.facts, memberId: c.memberId },
        })),
    );
  },
};

/** 三会一课 cadence: every ended month or quarter that lacks its meeting is one finding. */
export const meetingCadence: AuditRule = {
  code: "meeting_cadence",
  emits: ["meeting_cadence_gap"],
  label: { zh: "三会一课未按期召开", en: "Meetings not held on schedule" },
  evaluate(s, r) {
    if (s.kind !== "branch" || !s.meetings) return [];
    const year = Number(s.today.slice(0, 4));
    // in the first quarter, last year's last periods are still worth a reminder
    const years = s.today.slice(5, 7) <= "03" ? [year - 1, year] : [year];
    const out: FindingDraft[] = [];
    for (const y of years) {
      const items = meetingCompliance({
        year: y,
        asOf: s.today,
        since: s.foundedOn ?? null,
        recordsFrom: s.recordsFrom ?? null,
        hasCommittee: s.committee !== null,
        rules: r.meetings,
        meetings: s.meetings,
      });
      for (const item of items) {
        for (const period of item.missing) {
          out.push({
            rule: "meeting_cadence_gap",
            subjectType: "branch",
            subjectId: s.branchId,
            severity: item.kind === "committee" || item.kind === "general_assembly" ? "warning" : "info",
            period: `${item.code}:${period}`,
            message: { zh: `${period} 未召开${item.label.zh}`, en: `No ${item.label.en} held in ${period}` },
            facts: { code: item.code, kind: item.kind, period, per: item.per, min: item.min },
          });
        }
      }
    }
    return out;
  },
};

/** Members below the study bar are reminded (the seed's 推送低于标准的党员). */
export const studyBelowThreshold: AuditRule = {
  code: "study_below_threshold",
  emits: ["study_below_threshold"],
  label: { zh: "学习积分偏低", en: "Study points below the bar" },
  evaluate(s, r) {
    const windowFrom = addDays(s.today, -30);
    return (
      (s.studyPoints ?? [])
        // the 30 days are judged only when the member was on the roll and the branch on record for all of them
        .filter((m) => periodJudged(windowFrom, recordsStart(s.recordsFrom, m.joinedBranchOn)))
        .filter((m) => m.points < r.studyMinPoints30Days)
        .map((m) => ({
          rule: this.code,
          subjectType: "member" as const,
          subjectId: m.memberId,
          severity: "info" as const,
          period: monthOf(s.today),
          message: {
            zh: `${m.name} 近30天学习积分 ${m.points} 分，低于 ${r.studyMinPoints30Days} 分`,
            en: `${m.name} earned ${m.points} study points in 30 days (bar: ${r.studyMinPoints30Days})`,
          },
          facts: { points: m.points, threshold: r.studyMinPoints30Days, since: addDays(s.today, -30) },
        }))
    );
  },
};

/** 一岗双责: tasks past due, and completed tasks nobody verified after their month. */
export const dutyTasks: AuditRule = {
  code: "duty_tasks",
  emits: ["duty_task_overdue", "duty_task_unverified"],
  label: { zh: "一岗双责任务", en: "Duty tasks" },
  evaluate(s, r) {
    return (s.dutyTasks ?? []).flatMap((t) =>
      dutyTaskFindings(t, s.today, r.evaluation).map((f) => ({
        rule: f.rule,
        subjectType: "task" as const,
        subjectId: t.id,
        severity: "warning" as const,
        period: t.month,
        dueBy: t.dueOn,
        message: {
          zh: `${t.assigneeName}「${t.title}」：${f.message.zh}`,
          en: `${t.assigneeName} "${t.title}": ${f.message.en}`,
        },
        facts: f.facts,
      })),
    );
  },
};

/** The quarterly self-assessment must be submitted after its quarter ends. */
export const inspectionSubmitted: AuditRule = {
  code: "inspection_submitted",
  emits: ["inspection_not_submitted_in_time"],
  label: { zh: "季度检查未提交", en: "Quarterly inspection not submitted" },
  evaluate(s, r) {
    if (s.kind !== "branch" || !s.lastQuarterInspection) return [];
    if (!periodJudged(quarterStart(s.lastQuarterInspection.period), s.recordsFrom ?? null)) return [];
    const f = inspectionNotSubmitted(s.lastQuarterInspection, s.today, r.evaluation);
    return f
      ? [
          {
            rule: f.rule,
            subjectType: "inspection" as const,
            subjectId: s.branchId,
            severity: "warning" as const,
            period: s.lastQuarterInspection.period,
            message: f.message,
            facts: f.facts,
          },
        ]
      : [];
  },
};

export const MODULE_AUDIT_RULES: AuditRule[] = [
  pipelineDeadlines,
  meetingCadence,
  studyBelowThreshold,
  dutyTasks,
  inspectionSubmitted,
];

/** The quarter before the one `today` is in: the one whose inspection is due. */
export function lastEndedQuarter(today: string): string {
  return addQuarters(quarterOf(today), -1);
}
