import { failure, type RuleFailure } from "../rules/rule";
import { roundScore } from "./inspection-template";
import type { EvaluationRules, InspectionGrade } from "./rules";

export interface ScoredItem {
  code: string;
  maxScore: number;
  score: number | null;
}

/** A score must lie within the item's range, and any lost point needs a stated reason. */
export function checkItemScore(item: {
  code: string;
  maxScore: number;
  score: number;
  deductionReason: string | null | undefined;
}): RuleFailure[] {
  const out: RuleFailure[] = [];
  if (item.score < 0 || item.score > item.maxScore) {
    out.push(
      failure(
        "inspection_score_out_of_range",
        {
          zh: `项目 ${item.code} 的得分应在 0 到 ${item.maxScore} 之间`,
          en: `Item ${item.code} scores from 0 to ${item.maxScore}`,
        },
        { code: item.code, score: item.score, maxScore: item.maxScore },
      ),
    );
  } else if (item.score < item.maxScore && !item.deductionReason) {
    out.push(
      failure(
        "inspection_deduction_reason_missing",
        {
          zh: `项目 ${item.code} 扣分须写明扣分原因`,
          en: `Item ${item.code} lost points: state the reason`,
        },
        { code: item.code, score: item.score, maxScore: item.maxScore },
      ),
    );
  }
  return out;
}

/** Points an item lost (0 when unscored or full). */
export function deductionOf(item: { maxScore: number; score: number | null }): number {
  return item.score === null ? 0 : roundScore(item.maxScore - item.score);
}

export interface InspectionTotals {
  maxTotal: number;
  total: number;
  deducted: number;
  unscored: string[];
  /** total as a share of the maximum, 0–100, one decimal */
  percent: number;
}

export function inspectionTotals(items: ScoredItem[]): InspectionTotals {
  let maxTotal = 0;
  let total = 0;
  const unscored: string[] = [];
  for (const i of items) {
    maxTotal += i.maxScore;
    if (i.score === null) unscored.push(i.code);
    else total += i.score;
  }
  maxTotal = roundScore(maxTotal);
  total = roundScore(total);
  return {
    maxTotal,
    total,
    deducted: roundScore(maxTotal - total - unscoredMax(items)),
    unscored,
    percent: maxTotal > 0 ? roundScore((total / maxTotal) * 100) : 0,
  };
}

function unscoredMax(items: ScoredItem[]): number {
  return items.filter((i) => i.score === null).reduce((s, i) => s + i.maxScore, 0);
}

/** The district's band for a percentage: the first band (highest first) whose floor it reaches. */
export function gradeFor(percent: number, bands: EvaluationRules["inspection"]["bands"]): InspectionGrade {
  for (const b of bands) if (percent >= b.minPercent) return b.grade;
  return bands.at(-1)?.grade ?? "unqualified";
}
