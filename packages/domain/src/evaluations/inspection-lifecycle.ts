import { addDays } from "../calendar/dates";
import { failure, type RuleFailure } from "../rules/rule";
import { checkItemScore } from "./inspection-scoring";
import { quarterEnd, quarterOf } from "./periods";
import type { EvaluationRules } from "./rules";

/** draft (the branch assesses itself) → submitted → reviewed (the district's final word; frozen). */
export const INSPECTION_STATUSES = ["draft", "submitted", "reviewed"] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

const frozen = (status: InspectionStatus) =>
  failure(
    "inspection_reviewed_frozen",
    {
      zh: "该检查已由上级审核，不能再修改",
      en: "This inspection was reviewed by the district and can no longer change",
    },
    { status },
  );

/** The branch scores items only while the inspection is its own draft. */
export function checkSelfAssessable(status: InspectionStatus): RuleFailure[] {
  if (status === "reviewed") return [frozen(status)];
  if (status === "submitted") {
    return [
      failure(
        "inspection_already_submitted",
        {
          zh: "自评已提交，等待上级审核，不能再修改",
          en: "The self-assessment was submitted and awaits the district's review",
        },
        { status },
      ),
    ];
  }
  return [];
}

/** A quarter can be assessed once it has begun, not before. */
export function checkInspectionPeriod(period: string, today: string): RuleFailure[] {
  return period > quarterOf(today)
    ? [
        failure(
          "inspection_period_future",
          { zh: "不能为尚未开始的季度建立检查", en: "That quarter has not begun" },
          { period, today },
        ),
      ]
    : [];
}

export interface ItemAssessment {
  code: string;
  maxScore: number;
  score: number | null;
  deductionReason: string | null;
}

/** Submitting needs every item scored and every lost point explained. */
export function checkSubmit(status: InspectionStatus, items: ItemAssessment[]): RuleFailure[] {
  const out = checkSelfAssessable(status);
  if (out.length) return out;
  const unscored = items.filter((i) => i.score === null).map((i) => i.code);
  if (unscored.length) {
    out.push(
      failure(
        "inspection_items_unscored",
        { zh: "还有检查项目未自评打分", en: "Some items have no self-assessed score" },
        { codes: unscored },
      ),
    );
  }
  for (const i of items) {
    if (i.score !== null) out.push(...checkItemScore({ ...i, score: i.score }));
  }
  return out;
}

/** Only a submitted self-assessment can be reviewed, and only once. */
export function checkReviewable(status: InspectionStatus): RuleFailure[] {
  if (status === "reviewed") return [frozen(status)];
  if (status === "draft") {
    return [
      failure(
        "inspection_not_submitted",
        { zh: "支部尚未提交自评，不能审核", en: "The branch has not submitted its self-assessment" },
        { status },
      ),
    ];
  }
  return [];
}

/**
 * For the audits worker: a quarter whose self-assessment was not submitted some days after it
 * ended (the district's grace period). `status` is null when no inspection was even opened.
 */
export function inspectionNotSubmitted(
  facts: { period: string; status: InspectionStatus | null },
  today: string,
  rules: Pick<EvaluationRules, "inspection">,
): RuleFailure | null {
  const dueBy = addDays(quarterEnd(facts.period), rules.inspection.submitGraceDays);
  if (today <= dueBy || (facts.status !== null && facts.status !== "draft")) return null;
  return failure(
    "inspection_not_submitted_in_time",
    {
      zh: `${facts.period} 党建工作检查自评未按时提交`,
      en: `The ${facts.period} inspection self-assessment was not submitted in time`,
    },
    { period: facts.period, status: facts.status, dueBy, today },
    "warning",
  );
}
