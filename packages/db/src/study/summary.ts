import type { DayState } from "@vanguard/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import { committeePosts, members } from "../schema/shard";
import { meetingAttendance, studyDays } from "../schema/study";
import type { CommitteePostRow } from "../tenant/committee";
import type { TenantContext } from "../tenant/context";
import type { MemberRow } from "../tenant/members";
import { dayFromRow } from "./activities";

/** A member's study year in one round trip: their days and the meetings they attended or missed. */
export async function memberStudyYear(
  tc: TenantContext,
  memberId: string,
  year: number,
): Promise<{ days: DayState[]; meetingHours: number; attended: number; absent: number }> {
  const { member: _m, posts: _p, ...study } = await memberSummaryRead(tc, memberId, year);
  return study;
}

/**
 * Everything a member's summary shows, in one round trip: the member, their study days and meeting
 * hours of the year, and the branch's committee posts.
 */
export async function memberSummaryRead(
  tc: TenantContext,
  memberId: string,
  year: number,
): Promise<{
  member: MemberRow | undefined;
  posts: CommitteePostRow[];
  days: DayState[];
  meetingHours: number;
  attended: number;
  absent: number;
}> {
  const db = tc.shard.db;
  const [member, posts, days, meetings] = await db.batch([
    db
      .select()
      .from(members)
      .where(
        and(
          eq(members.districtId, tc.districtId),
          eq(members.branchId, tc.branchId),
          eq(members.id, memberId),
        ),
      )
      .limit(1),
    db.select().from(committeePosts).where(eq(committeePosts.branchId, tc.branchId)),
    db
      .select()
      .from(studyDays)
      .where(
        and(
          eq(studyDays.branchId, tc.branchId),
          eq(studyDays.memberId, memberId),
          sql`${studyDays.day} BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`}`,
        ),
      )
      .orderBy(asc(studyDays.day)),
    db
      .select({
        hours: sql<number>`coalesce(sum(CASE WHEN ${meetingAttendance.present} THEN ${meetingAttendance.hours} ELSE 0 END), 0)`,
        attended: sql<number>`coalesce(sum(${meetingAttendance.present}), 0)`,
        absent: sql<number>`coalesce(sum(1 - ${meetingAttendance.present}), 0)`,
      })
      .from(meetingAttendance)
      .where(
        and(
          eq(meetingAttendance.branchId, tc.branchId),
          eq(meetingAttendance.memberId, memberId),
          sql`${meetingAttendance.heldOn} BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`}`,
        ),
      ),
  ]);
  const m = meetings[0];
  return {
    member: member[0],
    posts,
    days: days.map(dayFromRow),
    meetingHours: m?.hours ?? 0,
    attended: m?.attended ?? 0,
    absent: m?.absent ?? 0,
  };
}
