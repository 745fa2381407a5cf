import { failure, type RuleFailure } from "../rules/rule";
import type { RuleSetKind } from "../rules/rule-set";

export const INSPECTION_GRADES = ["excellent", "good", "qualified", "unqualified"] as const;
export type InspectionGrade = (typeof INSPECTION_GRADES)[number];

/**
 * The numbers of evaluations a district may change (docs/domain.md §Evaluation rule set). Version 0
 * is these defaults; a district's own versions live in the directory's rule sets (module
 * `evaluations`), and every decision records the version it used.
 */
export interface EvaluationRules {
  appraisal: {
    /** excellent grades may be at most this share of the members appraised (民主评议: 1/3) */
    excellentShare: { numerator: number; denominator: number };
  };
  inspection: {
    /** grade bands on the share of the maximum score, highest first; the last starts at 0 */
    bands: { grade: InspectionGrade; minPercent: number }[];
    /** days after a quarter ends by which its self-assessment is due */
    submitGraceDays: number;
  };
  dutyTasks: {
    /** days after a month ends by which its completed tasks are due for verification */
    verifyGraceDays: number;
  };
}

export const DEFAULT_EVALUATION_RULES: EvaluationRules = {
  appraisal: { excellentShare: { numerator: 1, denominator: 3 } },
  inspection: {
    bands: [
      { grade: "excellent", minPercent: 90 },
      { grade: "good", minPercent: 80 },
      { grade: "qualified", minPercent: 60 },
      { grade: "unqualified", minPercent: 0 },
    ],
    submitGraceDays: 15,
  },
  dutyTasks: { verifyGraceDays: 5 },
};

/** A district's rule set must still make sense: bands descend to 0, the share is a fraction ≤ 1. */
export function checkEvaluationRules(rules: EvaluationRules): RuleFailure[] {
  const out: RuleFailure[] = [];
  const { numerator, denominator } = rules.appraisal.excellentShare;
  if (denominator <= 0 || numerator < 0 || numerator > denominator) {
    out.push(
      failure(
        "rules_excellent_share",
        { zh: "优秀比例应为 0 到 1 之间的分数", en: "The excellent share must be a fraction from 0 to 1" },
        { numerator, denominator },
      ),
    );
  }
  const bands = rules.inspection.bands;
  const descending = bands.every((b, i) => i === 0 || b.minPercent < bands[i - 1]!.minPercent);
  const grades = new Set(bands.map((b) => b.grade));
  if (!descending || bands.at(-1)?.minPercent !== 0 || grades.size !== bands.length) {
    out.push(
      failure(
        "rules_inspection_bands",
        {
          zh: "检查等次分数线应从高到低排列、等次不重复，且最低一档从 0 开始",
          en: "Inspection bands must descend, name each grade once and end at 0",
        },
        { bands },
      ),
    );
  }
  return out;
}

/** A stored body read over the defaults section by section, so older bodies stay readable. */
export function resolveEvaluationRules(body: unknown): EvaluationRules {
  const b = (typeof body === "object" && body !== null ? body : {}) as Partial<EvaluationRules>;
  return {
    appraisal: { ...DEFAULT_EVALUATION_RULES.appraisal, ...b.appraisal },
    inspection: { ...DEFAULT_EVALUATION_RULES.inspection, ...b.inspection },
    dutyTasks: { ...DEFAULT_EVALUATION_RULES.dutyTasks, ...b.dutyTasks },
  };
}

/** The evaluations rule set (module `evaluations`). */
export const EVALUATION_RULES_KIND: RuleSetKind<EvaluationRules, "evaluations"> = {
  module: "evaluations",
  defaults: DEFAULT_EVALUATION_RULES,
  resolve: resolveEvaluationRules,
  check: checkEvaluationRules,
};
