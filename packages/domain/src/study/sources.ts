import {
  type BranchStanding,
  type MemberStanding,
  type RankedBranch,
  rankBranches,
  rankMembers,
} from "./ranking";
import type { ClaimedRules } from "./rules";

/**
 * Where points come from (docs/domain.md §Earned and claimed points): `earned` through the study
 * library, where the server saw the reading time pass or graded the answers; `claimed` when a
 * client says an activity happened (another platform, a sync, the branch's own record).
 */
export const STUDY_SOURCES = ["earned", "claimed"] as const;
export type StudySource = (typeof STUDY_SOURCES)[number];

const tenths = (x: number) => Math.round(x * 10) / 10;

/** Points as the district counts them: earned in full, claimed at its weight. */
export function countedPoints(p: { earned: number; claimed: number }, c: ClaimedRules): number {
  return tenths(p.earned + c.weight * p.claimed);
}

/** What a leaderboard ranks by: the counted points, or earned points alone when claimed ones are left out. */
export function rankingPoints(p: { earned: number; claimed: number }, c: ClaimedRules): number {
  return c.ranked ? countedPoints(p, c) : p.earned;
}

export interface SourcedMemberStanding extends MemberStanding {
  /** of `points`, those earned in the library; the rest were claimed */
  earned: number;
}

/**
 * A branch's members ranked under the district's claimed rules. `points` stays every point as
 * recorded; `earned` and `claimed` split it; `score` is what the ranking counted.
 */
export function rankMembersBySource<T extends SourcedMemberStanding>(rows: readonly T[], c: ClaimedRules) {
  const split = rows.map((r) => {
    const parts = { earned: r.earned, claimed: r.points - r.earned };
    return { ...r, claimed: parts.claimed, score: rankingPoints(parts, c) };
  });
  return rankMembers(split, (r) => r.score);
}

export interface SourcedBranchStanding extends BranchStanding {
  earned: number;
  /** members with an earned activity in the period */
  earnedActiveMembers: number;
}

/**
 * A district's branches ranked under its claimed rules: by activity rate and average points as
 * always, where a district that leaves claimed points out of rankings counts only earned points
 * and members active in the library.
 */
export function rankBranchesBySource<T extends SourcedBranchStanding>(
  rows: readonly T[],
  c: ClaimedRules,
): (T & Omit<RankedBranch, keyof BranchStanding> & { claimed: number; score: number })[] {
  const basis = rows.map((r) => {
    const parts = { earned: r.earned, claimed: r.points - r.earned };
    const score = rankingPoints(parts, c);
    return {
      row: r,
      claimed: parts.claimed,
      score,
      branchId: r.branchId,
      name: r.name,
      members: r.members,
      activeMembers: c.ranked ? r.activeMembers : r.earnedActiveMembers,
      points: score,
      activities: r.activities,
    };
  });
  return rankBranches(basis).map((b) => ({
    ...b.row,
    claimed: b.claimed,
    score: b.score,
    rank: b.rank,
    activityRate: b.activityRate,
    averagePoints: b.averagePoints,
  }));
}
