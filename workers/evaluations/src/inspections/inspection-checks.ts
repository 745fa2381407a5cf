import type { InspectionItemRow } from "@vanguard/db/evaluations";
import type { RuleFailure } from "@vanguard/domain";
import { ProblemError, ruleViolation } from "@vanguard/platform";

/** Shared by every stage of an inspection: refusals, the version read, the self-assessed scores. */
export function refuse(failures: RuleFailure[]): void {
  if (failures.length) throw ruleViolation(failures);
}

export function checkVersion(asked: number | undefined, current: number): void {
  if (asked !== undefined && asked !== current) throw new ProblemError("version_conflict");
}

export const selfScores = (items: InspectionItemRow[]) =>
  items.map((i) => ({ code: i.code, maxScore: i.maxScore, score: i.selfScore }));
