import type { MemberStanding, SourcedBranchStanding, SourcedMemberStanding } from "@vanguard/domain";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { branches } from "../schema/directory";
import { members } from "../schema/shard";
import { studyBranchPeriods, studyDays, studyMemberPeriods } from "../schema/study";
import type { DataPlane } from "../shards";
import type { DistrictContext, TenantContext } from "../tenant/context";

/**
 * Every current party member of the branch with their totals for one period key (`2026-11-27`,
 * `2026-W48`, `2026-11`, `2026`); members with no activity show zeros. One query, one row per
 * member, whatever the period's length.
 */
export function memberStandings(tc: TenantContext, period: string): Promise<SourcedMemberStanding[]> {
  const p = studyMemberPeriods;
  return tc.shard.db
    .select({
      memberId: members.id,
      name: members.name,
      points: sql<number>`coalesce(${p.points}, 0)`,
      earned: sql<number>`coalesce(${p.earned}, 0)`,
      activeDays: sql<number>`coalesce(${p.activeDays}, 0)`,
      activities: sql<number>`coalesce(${p.activities}, 0)`,
    })
    .from(members)
    .leftJoin(p, and(eq(p.branchId, members.branchId), eq(p.period, period), eq(p.memberId, members.id)))
    .where(
      and(
        eq(members.districtId, tc.districtId),
        eq(members.branchId, tc.branchId),
        isNull(members.leftOn),
        sql`${members.status} IN ('probationary', 'full')`,
      ),
    );
}

/**
 * Members whose points for a period stay under `below`, inactive ones included: what the audits'
 * "below the study threshold" rule and reminders read.
 */
export async function membersBelow(
  tc: TenantContext,
  period: string,
  below: number,
): Promise<MemberStanding[]> {
  return (await memberStandings(tc, period)).filter((m) => m.points < below);
}

/** Branch totals of a district for one period key: one row per branch that recorded activity. */
export function branchStandings(
  dc: DistrictContext,
  period: string,
): Promise<Omit<SourcedBranchStanding, "name">[]> {
  const b = studyBranchPeriods;
  return dc.shard.db
    .select({
      branchId: b.branchId,
      members: b.members,
      activeMembers: b.activeMembers,
      earnedActiveMembers: b.earnedActiveMembers,
      points: b.points,
      earned: b.earned,
      activities: b.activities,
    })
    .from(b)
    .where(and(eq(b.districtId, dc.districtId), eq(b.period, period)));
}

/** The district's branches with their names and kinds, for ranking (directory). */
export function districtBranchNames(
  plane: DataPlane,
  districtId: string,
): Promise<{ id: string; name: string; kind: string }[]> {
  return plane.directory.db
    .select({ id: branches.id, name: branches.name, kind: branches.kind })
    .from(branches)
    .where(eq(branches.districtId, districtId))
    .orderBy(asc(branches.id));
}

/**
 * When the branch's members last studied, and how many studied since a date: the audits' "no
 * study activity since" checks. Both run on the (branch, day) index.
 */
export async function studySince(
  tc: TenantContext,
  since: string,
): Promise<{ lastDay: string | null; activeMembers: number; points: number }> {
  const [last, totals] = await tc.shard.db.batch([
    tc.shard.db
      .select({ day: sql<string | null>`max(${studyDays.day})` })
      .from(studyDays)
      .where(eq(studyDays.branchId, tc.branchId)),
    tc.shard.db
      .select({
        activeMembers: sql<number>`count(DISTINCT ${studyDays.memberId})`,
        points: sql<number>`coalesce(sum(${studyDays.points}), 0)`,
      })
      .from(studyDays)
      .where(and(eq(studyDays.branchId, tc.branchId), sql`${studyDays.day} >= ${since}`)),
  ]);
  return {
    lastDay: last[0]?.day ?? null,
    activeMembers: totals[0]?.activeMembers ?? 0,
    points: totals[0]?.points ?? 0,
  };
}
