import type { MeetingKind } from "@vanguard/domain";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { members } from "../schema/shard";
import { meetingAttendance, meetingRevisions, meetings } from "../schema/study";
import type { TenantContext } from "../tenant/context";
import { bulkInsert, expectChanged, statement } from "../write/sql";

export type MeetingRow = typeof meetings.$inferSelect;
export type AttendanceRow = typeof meetingAttendance.$inferSelect;
export type NewMeeting = Omit<MeetingRow, "branchId" | "districtId" | "revision" | "importedFrom"> & {
  importedFrom?: string | null;
};
export type MeetingRevisionRow = typeof meetingRevisions.$inferSelect;
type Attendance = { memberId: string; present: boolean; reason: string | null }[];

function attendanceRows(tc: TenantContext, m: NewMeeting, attendance: Attendance) {
  return attendance.map((a) => ({
    ...a,
    branchId: tc.branchId,
    districtId: tc.districtId,
    meetingId: m.id,
    kind: m.kind,
    heldOn: m.heldOn,
    hours: a.present ? m.hours : 0,
  }));
}

export function insertMeetingStatements(
  tc: TenantContext,
  m: NewMeeting,
  attendance: Attendance,
): D1PreparedStatement[] {
  const scope = { branchId: tc.branchId, districtId: tc.districtId };
  return [
    statement(tc.shard.d1, tc.shard.db.insert(meetings).values({ ...m, ...scope })),
    ...bulkInsert(tc.shard.d1, meetingAttendance, attendanceRows(tc, m, attendance)),
  ];
}

/**
 * A correction: the version it replaces is kept whole in `meeting_revisions`, then the meeting and
 * its attendance are rewritten. Guarded on `revision`, so a correction made on a stale reading
 * aborts the whole batch.
 */
export function correctMeetingStatements(
  tc: TenantContext,
  m: NewMeeting,
  revision: number,
  attendance: Attendance,
  replaced: { body: string; reason: string; correctedBy: string; correctedAt: string },
): D1PreparedStatement[] {
  const db = tc.shard.db;
  const scoped = and(eq(meetings.districtId, tc.districtId), eq(meetings.branchId, tc.branchId));
  return [
    statement(
      tc.shard.d1,
      db.insert(meetingRevisions).values({
        branchId: tc.branchId,
        districtId: tc.districtId,
        meetingId: m.id,
        revision,
        ...replaced,
      }),
    ),
    statement(
      tc.shard.d1,
      db
        .update(meetings)
        .set({ ...m, revision: revision + 1 })
        .where(and(scoped, eq(meetings.id, m.id), eq(meetings.revision, revision))),
    ),
    expectChanged(tc.shard.d1),
    statement(
      tc.shard.d1,
      db
        .delete(meetingAttendance)
        .where(and(eq(meetingAttendance.branchId, tc.branchId), eq(meetingAttendance.meetingId, m.id))),
    ),
    ...bulkInsert(tc.shard.d1, meetingAttendance, attendanceRows(tc, m, attendance)),
  ];
}

/** The versions a meeting's corrections replaced, oldest first. */
export function meetingRevisionsOf(tc: TenantContext, meetingId: string): Promise<MeetingRevisionRow[]> {
  return tc.shard.db
    .select()
    .from(meetingRevisions)
    .where(and(eq(meetingRevisions.branchId, tc.branchId), eq(meetingRevisions.meetingId, meetingId)))
    .orderBy(asc(meetingRevisions.revision));
}

/** Meetings held in [from, to], newest first, paged by (held_on, id). */
export function listMeetings(
  tc: TenantContext,
  f: { from: string; to: string; kind?: MeetingKind; limit: number; before?: { heldOn: string; id: string } },
): Promise<MeetingRow[]> {
  return tc.shard.db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.districtId, tc.districtId),
        eq(meetings.branchId, tc.branchId),
        sql`${meetings.heldOn} BETWEEN ${f.from} AND ${f.to}`,
        f.kind ? eq(meetings.kind, f.kind) : undefined,
        f.before
          ? sql`(${meetings.heldOn}, ${meetings.id}) < (${f.before.heldOn}, ${f.before.id})`
          : undefined,
      ),
    )
    .orderBy(desc(meetings.heldOn), desc(meetings.id))
    .limit(f.limit);
}

/**
 * The people a meeting record names who are on the roll now, by id (one bound parameter however
 * many attend, unlike `IN (?, ?, …)` which D1 caps at 100).
 */
export function rollMembersAmong(
  tc: TenantContext,
  ids: string[],
): Promise<{ id: string; name: string; status: string }[]> {
  return tc.shard.db
    .select({ id: members.id, name: members.name, status: members.status })
    .from(members)
    .where(
      and(
        eq(members.branchId, tc.branchId),
        sql`${members.leftOn} IS NULL`,
        sql`${members.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
      ),
    );
}

export async function getMeeting(
  tc: TenantContext,
  id: string,
): Promise<{ meeting: MeetingRow; attendance: (AttendanceRow & { name: string | null })[] } | undefined> {
  const db = tc.shard.db;
  const [found, attendance] = await db.batch([
    db
      .select()
      .from(meetings)
      .where(
        and(eq(meetings.districtId, tc.districtId), eq(meetings.branchId, tc.branchId), eq(meetings.id, id)),
      ),
    db
      .select({ a: meetingAttendance, name: members.name })
      .from(meetingAttendance)
      .leftJoin(
        members,
        and(eq(members.branchId, meetingAttendance.branchId), eq(members.id, meetingAttendance.memberId)),
      )
      .where(and(eq(meetingAttendance.branchId, tc.branchId), eq(meetingAttendance.meetingId, id)))
      .orderBy(asc(meetingAttendance.memberId)),
  ]);
  return found[0]
    ? { meeting: found[0], attendance: attendance.map((r) => ({ ...r.a, name: r.name })) }
    : undefined;
}

/** What cadence compliance needs of a year's meetings. */
export function meetingsOfYear(tc: TenantContext, year: number) {
  return tc.shard.db
    .select({ kind: meetings.kind, heldOn: meetings.heldOn, lecturerPost: meetings.lecturerPost })
    .from(meetings)
    .where(
      and(
        eq(meetings.districtId, tc.districtId),
        eq(meetings.branchId, tc.branchId),
        sql`${meetings.heldOn} BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`}`,
      ),
    );
}

/** Which of these meetings exist, and who is already recorded at each: one round trip. */
export async function meetingsAmong(
  tc: TenantContext,
  ids: string[],
): Promise<{ meetings: Set<string>; attendance: Set<string> }> {
  if (!ids.length) return { meetings: new Set(), attendance: new Set() };
  const json = JSON.stringify(ids);
  const db = tc.shard.db;
  const [found, seen] = await db.batch([
    db
      .select({ id: meetings.id })
      .from(meetings)
      .where(
        and(
          eq(meetings.branchId, tc.branchId),
          sql`${meetings.id} IN (SELECT value FROM json_each(${json}))`,
        ),
      ),
    db
      .select({ meetingId: meetingAttendance.meetingId, memberId: meetingAttendance.memberId })
      .from(meetingAttendance)
      .where(
        and(
          eq(meetingAttendance.branchId, tc.branchId),
          sql`${meetingAttendance.meetingId} IN (SELECT value FROM json_each(${json}))`,
        ),
      ),
  ]);
  return {
    meetings: new Set(found.map((m) => m.id)),
    attendance: new Set(seen.map((a) => `${a.meetingId}|${a.memberId}`)),
  };
}

/**
 * Past meetings and their attendance as a history import writes them: new meetings and lines only
 * (a row already there is left alone), then each touched meeting's head counts recounted from its
 * attendance, so a rerun that adds a corrected line keeps them true.
 */
export function importMeetingsStatements(
  tc: TenantContext,
  fresh: NewMeeting[],
  attendance: Omit<AttendanceRow, "branchId" | "districtId">[],
  touched: string[],
): D1PreparedStatement[] {
  const scope = { branchId: tc.branchId, districtId: tc.districtId };
  return [
    ...bulkInsert(
      tc.shard.d1,
      meetings,
      fresh.map((m) => ({ ...m, ...scope, revision: 0 })),
      { onConflictDoNothing: true },
    ),
    ...bulkInsert(
      tc.shard.d1,
      meetingAttendance,
      attendance.map((a) => ({ ...a, ...scope })),
      { onConflictDoNothing: true },
    ),
    ...(touched.length
      ? [
          tc.shard.d1
            .prepare(
              `UPDATE meetings SET
                 present = (SELECT count(*) FROM meeting_attendance a WHERE a.branch_id = meetings.branch_id AND a.meeting_id = meetings.id AND a.present = 1),
                 absent = (SELECT count(*) FROM meeting_attendance a WHERE a.branch_id = meetings.branch_id AND a.meeting_id = meetings.id AND a.present = 0)
               WHERE branch_id = ? AND id IN (SELECT value FROM json_each(?))`,
            )
            .bind(tc.branchId, JSON.stringify(touched)),
        ]
      : []),
  ];
}
