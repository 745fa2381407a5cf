export interface MemberStanding {
  memberId: string;
  name: string;
  points: number;
  activeDays: number;
  activities: number;
}

export type MemberView = "full" | "anonymous" | "self" | "hidden";

/**
 * Most points first; equal points share a rank (1, 2, 2, 4). `by` says which points rank (the
 * district may rank by earned points alone, docs/domain.md §Earned and claimed points).
 */
export function rankMembers<T extends MemberStanding>(
  rows: readonly T[],
  by: (r: T) => number = (r) => r.points,
): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => by(b) - by(a) || a.memberId.localeCompare(b.memberId));
  return withRanks(sorted, (a, b) => by(a) === by(b));
}

/** Competition ranking over rows already in order: a row equal to the one before shares its rank. */
function withRanks<T>(sorted: readonly T[], same: (a: T, b: T) => boolean): (T & { rank: number })[] {
  const out: (T & { rank: number })[] = [];
  sorted.forEach((r, i) => {
    const prev = out[i - 1];
    out.push({ ...r, rank: prev && same(sorted[i - 1]!, r) ? prev.rank : i + 1 });
  });
  return out;
}

/** A ranked row as a viewer may see it: the name and id only where the district allows. */
export type VisibleStanding<T extends MemberStanding = MemberStanding> = Omit<T, "memberId" | "name"> & {
  rank: number;
  memberId: string | null;
  name: string | null;
  self: boolean;
};

/**
 * What a viewer may see of a ranking. Admins and auditors (`viewer` null) see everything; a member
 * sees what the district's rule set allows: everyone, everyone without names, or only themself.
 */
export function visibleStandings<T extends MemberStanding>(
  ranked: readonly (T & { rank: number })[],
  view: MemberView,
  viewer: string | null,
): VisibleStanding<T>[] {
  const show = (r: T & { rank: number }, named: boolean): VisibleStanding<T> => ({
    ...r,
    memberId: named ? r.memberId : null,
    name: named ? r.name : null,
    self: r.memberId === viewer,
  });
  if (viewer === null || view === "full") return ranked.map((r) => show(r, true));
  if (view === "anonymous") return ranked.map((r) => show(r, r.memberId === viewer));
  if (view === "self") return ranked.filter((r) => r.memberId === viewer).map((r) => show(r, true));
  return [];
}

export interface BranchStanding {
  branchId: string;
  name: string;
  /** party members on the roll when the branch last recorded activity in the period */
  members: number | null;
  activeMembers: number;
  points: number;
  activities: number;
}

export interface RankedBranch extends BranchStanding {
  rank: number;
  /** share of members with any activity in the period */
  activityRate: number;
  averagePoints: number;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/** Branches by activity rate, then average points per member; equal on both share a rank. */
export function rankBranches<T extends BranchStanding>(rows: readonly T[]): (T & RankedBranch)[] {
  const scored = rows.map((b) => {
    const n = b.members ?? 0;
    return {
      ...b,
      // a member who left mid-period still counted as active when they studied here
      activityRate: n > 0 ? round(Math.min(1, b.activeMembers / n), 4) : 0,
      averagePoints: n > 0 ? round(b.points / n, 1) : 0,
    };
  });
  scored.sort(
    (a, b) =>
      b.activityRate - a.activityRate ||
      b.averagePoints - a.averagePoints ||
      a.branchId.localeCompare(b.branchId),
  );
  return withRanks(
    scored,
    (a, b) => a.activityRate === b.activityRate && a.averagePoints === b.averagePoints,
  );
}
