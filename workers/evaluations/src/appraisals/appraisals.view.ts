import type { AppraisalGradeLine, AppraisalRow } from "@vanguard/db/evaluations";
import { type AppraisalGrade, gradeCounts, type MutualTally, onRoll } from "@vanguard/domain";

/**
 * The ballot box is opened at finalize: while the appraisal is open nobody (committee, district,
 * auditor) sees a count, since counts read between two votes would tell each vote.
 */
function tallyOf(a: AppraisalRow, g: AppraisalGradeLine): MutualTally | null {
  if (a.status !== "finalized") return null;
  return {
    excellent: g.mutualExcellent ?? 0,
    qualified: g.mutualQualified ?? 0,
    basically_qualified: g.mutualBasicallyQualified ?? 0,
    unqualified: g.mutualUnqualified ?? 0,
  };
}

export function appraisalSummary(
  a: AppraisalRow,
  roll: AppraisalGradeLine[],
  openLimit: (n: number) => number,
) {
  const counted = roll.filter((g) => onRoll({ left: g.left, grade: g.grade as AppraisalGrade | null }));
  return {
    id: a.id,
    branchId: a.branchId,
    year: a.year,
    status: a.status,
    appraised: a.appraised ?? counted.length,
    excellentLimit: a.excellentLimit ?? openLimit(counted.length),
    ruleSetVersion: a.ruleSetVersion,
    counts: gradeCounts(counted.map((g) => ({ grade: g.grade as AppraisalGrade | null }))),
    openedAt: a.openedAt,
    finalizedAt: a.finalizedAt,
    version: a.version,
  };
}

export function appraisalView(
  a: AppraisalRow,
  roll: AppraisalGradeLine[],
  openLimit: (n: number) => number,
  onlyMemberId?: string,
) {
  return {
    ...appraisalSummary(a, roll, openLimit),
    grades: roll
      .filter((g) => onlyMemberId === undefined || g.memberId === onlyMemberId)
      .map((g) => ({
        memberId: g.memberId,
        name: g.name,
        left: g.left,
        grade: g.grade as AppraisalGrade | null,
        selfGrade: g.selfGrade as AppraisalGrade | null,
        comment: g.comment,
        mutual: tallyOf(a, g),
      })),
  };
}
