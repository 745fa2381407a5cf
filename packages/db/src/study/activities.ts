import type { BranchPeriodDelta, DayState, MemberPeriodDelta, MemberStatus } from "@vanguard/domain";
import { activityCount, dayPoints, memberKey } from "@vanguard/domain";
import { and, eq, sql } from "drizzle-orm";
import type { BatchResponse } from "drizzle-orm/batch";
import { members } from "../schema/shard";
import { studyActivities, studyBranchPeriods, studyDays, studyMemberPeriods } from "../schema/study";
import type { TenantContext } from "../tenant/context";
import { bulkInsert } from "../write/sql";
import { upsertRows } from "./upsert";

export type StudyActivityRow = typeof studyActivities.$inferSelect;
export type StudyDayRow = typeof studyDays.$inferSelect;

const inJson = (values: readonly string[]) => sql`(SELECT value FROM json_each(${JSON.stringify(values)}))`;

/** Party members count toward a branch's study roll (activists study in their own training). */
const PARTY = sql`('probationary', 'full')`;

export function dayFromRow(r: StudyDayRow): DayState {
  return {
    memberId: r.memberId,
    day: r.day,
    ruleVersion: r.ruleVersion,
    kinds: JSON.parse(r.kinds),
    refs: JSON.parse(r.refs),
    recent: JSON.parse(r.recent),
    deducted: r.deducted,
    earned: r.earned,
    flagged: r.flagged,
    classSeconds: r.classSeconds,
  };
}

function dayToRow(tc: TenantContext, d: DayState, at: string): StudyDayRow {
  return {
    branchId: tc.branchId,
    memberId: d.memberId,
    day: d.day,
    districtId: tc.districtId,
    ruleVersion: d.ruleVersion,
    points: dayPoints(d),
    deducted: d.deducted,
    earned: d.earned,
    flagged: d.flagged,
    activities: activityCount(d),
    classSeconds: d.classSeconds,
    kinds: JSON.stringify(d.kinds),
    refs: JSON.stringify(d.refs),
    recent: JSON.stringify(d.recent),
    updatedAt: at,
  };
}

export interface ScoringInputs {
  /** the named people on the roll (departed ones included, to tell 404 from "left") */
  people: { id: string; status: MemberStatus; leftOn: string | null }[];
  /** current party members of the branch */
  roll: number;
  days: DayState[];
  /** `memberKey(memberId, period)` of the period rows already stored */
  periods: Set<string>;
  /** the same, of the rows with an earned activity */
  earnedPeriods: Set<string>;
}

/** What scoring a batch of activities reads: its members, the days it spans, the periods it touches. */
export interface ScoringQuery {
  memberIds: string[];
  from: string;
  to: string;
  periods: string[];
}

/**
 * Everything scoring a batch of activities reads: the people, the roll, their stored days in
 * [from, to] and which of their period rows exist. As queries, so a write can ask them in the
 * round trip that reads its chain's head (`tenantWriteReading`).
 */
export function scoringReads(tc: TenantContext, q: ScoringQuery) {
  const db = tc.shard.db;
  return [
    db
      .select({ id: members.id, status: members.status, leftOn: members.leftOn })
      .from(members)
      .where(and(eq(members.branchId, tc.branchId), sql`${members.id} IN ${inJson(q.memberIds)}`)),
    db
      .select({ n: sql<number>`count(*)` })
      .from(members)
      .where(
        and(
          eq(members.branchId, tc.branchId),
          sql`${members.status} IN ${PARTY}`,
          sql`${members.leftOn} IS NULL`,
        ),
      ),
    db
      .select()
      .from(studyDays)
      .where(
        and(
          eq(studyDays.branchId, tc.branchId),
          sql`${studyDays.memberId} IN ${inJson(q.memberIds)}`,
          sql`${studyDays.day} BETWEEN ${q.from} AND ${q.to}`,
        ),
      ),
    db
      .select({
        memberId: studyMemberPeriods.memberId,
        period: studyMemberPeriods.period,
        earnedActivities: studyMemberPeriods.earnedActivities,
      })
      .from(studyMemberPeriods)
      .where(
        and(
          eq(studyMemberPeriods.branchId, tc.branchId),
          sql`${studyMemberPeriods.period} IN ${inJson(q.periods)}`,
          sql`${studyMemberPeriods.memberId} IN ${inJson(q.memberIds)}`,
        ),
      ),
  ] as const;
}

export type ScoringReads = ReturnType<typeof scoringReads>;

/** The answers to `scoringReads`, as scoring takes them. */
export function scoringInputsOf([people, roll, days, periods]: BatchResponse<ScoringReads>): ScoringInputs {
  return {
    people,
    roll: roll[0]?.n ?? 0,
    days: days.map(dayFromRow),
    periods: new Set(periods.map((p) => memberKey(p.memberId, p.period))),
    earnedPeriods: new Set(
      periods.filter((p) => p.earnedActivities > 0).map((p) => memberKey(p.memberId, p.period)),
    ),
  };
}

/** `scoringReads` in one round trip of their own. */
export async function readScoringInputs(tc: TenantContext, q: ScoringQuery): Promise<ScoringInputs> {
  return scoringInputsOf(await tc.shard.db.batch(scoringReads(tc, q)));
}

export type NewStudyActivity = Omit<StudyActivityRow, "branchId" | "districtId">;

/** Period deltas; the earned parts default to 0 (a write of claimed activity only, a synthetic world). */
type WithOptionalEarned<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;
export type MemberPeriodWrite = WithOptionalEarned<MemberPeriodDelta, "earned" | "earnedActivities">;
export type BranchPeriodWrite = WithOptionalEarned<
  BranchPeriodDelta,
  "earned" | "earnedActivities" | "earnedActiveMembers"
>;

/**
 * The statements that record scored activities: the raw rows, the days as they now stand, and the
 * period totals moved by the deltas. The caller's write path runs them in one batch.
 */
export function recordStudyStatements(
  tc: TenantContext,
  w: {
    activities: NewStudyActivity[];
    days: DayState[];
    memberPeriods: MemberPeriodWrite[];
    branchPeriods: BranchPeriodWrite[];
    roll: number;
    at: string;
  },
): D1PreparedStatement[] {
  const d1 = tc.shard.d1;
  const scope = { branchId: tc.branchId, districtId: tc.districtId };
  return [
    ...bulkInsert(
      d1,
      studyActivities,
      w.activities.map((a) => ({ ...a, ...scope })),
    ),
    // days are written whole: the plan read them and the write path serialises writers per branch
    ...upsertRows(
      d1,
      studyDays,
      w.days.map((d) => dayToRow(tc, d, w.at)),
      ["branch_id", "member_id", "day"],
      Object.fromEntries(
        [
          "rule_version",
          "points",
          "deducted",
          "earned",
          "flagged",
          "activities",
          "class_seconds",
          "kinds",
          "refs",
          "recent",
          "updated_at",
        ].map((c) => [c, `excluded.${c}`]),
      ),
    ),
    ...upsertRows(
      d1,
      studyMemberPeriods,
      w.memberPeriods.map((p) => ({ ...p, ...scope, updatedAt: w.at })),
      ["branch_id", "period", "member_id"],
      {
        points: "points + excluded.points",
        activities: "activities + excluded.activities",
        active_days: "active_days + excluded.active_days",
        earned: "earned + excluded.earned",
        earned_activities: "earned_activities + excluded.earned_activities",
        updated_at: "excluded.updated_at",
      },
    ),
    ...upsertRows(
      d1,
      studyBranchPeriods,
      w.branchPeriods.map((p) => ({ ...p, ...scope, members: w.roll, updatedAt: w.at })),
      ["branch_id", "period"],
      {
        points: "points + excluded.points",
        activities: "activities + excluded.activities",
        active_members: "active_members + excluded.active_members",
        earned: "earned + excluded.earned",
        earned_activities: "earned_activities + excluded.earned_activities",
        earned_active_members: "earned_active_members + excluded.earned_active_members",
        members: "excluded.members",
        updated_at: "excluded.updated_at",
      },
    ),
  ];
}
