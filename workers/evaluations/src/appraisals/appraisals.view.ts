import type { AppraisalGradeLine, AppraisalRow } from "@vanguard/db";
import { type AppraisalGrade, gradeCounts, type MutualTally, mutualTally, onRoll } from "@vanguard/domain";

/** Live tallies while the appraisal is open; the tallies fixed at finalize afterwards. */
function tallyOf(a: AppraisalRow, g: AppraisalGradeLine, live: Map<string, MutualTally>): MutualTally {
  if (a.status === "finalized") {
    return {
      excellent: g.mutualExcellent ?? 0,
      qualified: g.mutualQualified ?? 0,
      basically_qualified: g.mutualBasicallyQualified ?? 0,
      unqualified: g.mutualUnqualified ?? 0,
    };
  }
  return live.get(g.memberId) ?? mutualTally([]);
}

export function liveTallies(
  counts: { rateeId: string; grade: string; n: number }[],
): Map<string, MutualTally> {
  const out = new Map<string, MutualTally>();
  for (const c of counts) {
    const t = out.get(c.rateeId) ?? mutualTally([]);
    t[c.grade as AppraisalGrade] += c.n;
    out.set(c.rateeId, t);
  }
  return out;
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
  live: Map<string, MutualTally>,
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
        mutual: tallyOf(a, g, live),
      })),
  };
}
