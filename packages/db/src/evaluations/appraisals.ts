import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { appraisalGrades, appraisals, appraisalVoters } from "../schema/evaluations";
import { members } from "../schema/shard";
import type { TenantContext } from "../tenant/context";
import { bulkInsert, expectChanged, rawStatement, statement } from "../write/sql";

export type AppraisalRow = typeof appraisals.$inferSelect;
export type AppraisalGradeRow = typeof appraisalGrades.$inferSelect;
export type AppraisalGradeLine = AppraisalGradeRow & { name: string | null; left: boolean };

function scope(tc: TenantContext) {
  return and(eq(appraisals.districtId, tc.districtId), eq(appraisals.branchId, tc.branchId));
}

export function getAppraisal(tc: TenantContext, id: string): Promise<AppraisalRow | undefined> {
  return tc.shard.db
    .select()
    .from(appraisals)
    .where(and(scope(tc), eq(appraisals.id, id)))
    .get();
}

export function listAppraisals(
  tc: TenantContext,
  f: { limit: number; after?: string; year?: number },
): Promise<AppraisalRow[]> {
  return tc.shard.db
    .select()
    .from(appraisals)
    .where(
      and(
        scope(tc),
        f.year ? eq(appraisals.year, f.year) : undefined,
        f.after ? gt(appraisals.id, f.after) : undefined,
      ),
    )
    .orderBy(asc(appraisals.id))
    .limit(f.limit);
}

/** The rolls of some appraisals with names, whether each person has since left, and their grades. */
export async function appraisalRolls(
  tc: TenantContext,
  appraisalIds: string[],
  onlyMemberId?: string,
): Promise<AppraisalGradeLine[]> {
  if (appraisalIds.length === 0) return [];
  const g = appraisalGrades;
  const rows = await tc.shard.db
    .select({ grade: g, name: members.name, leftOn: members.leftOn })
    .from(g)
    .leftJoin(members, and(eq(members.branchId, g.branchId), eq(members.id, g.memberId)))
    .where(
      and(
        eq(g.districtId, tc.districtId),
        eq(g.branchId, tc.branchId),
        sql`${g.appraisalId} IN (SELECT value FROM json_each(${JSON.stringify(appraisalIds)}))`,
        onlyMemberId ? eq(g.memberId, onlyMemberId) : undefined,
      ),
    )
    .orderBy(asc(g.appraisalId), asc(g.memberId));
  return rows.map((r) => ({ ...r.grade, name: r.name, left: r.leftOn !== null }));
}

/**
 * The people a new appraisal of `year` grades: current probationary and full members who had
 * joined by the end of that year.
 */
export async function partyMemberIds(tc: TenantContext, year: number): Promise<string[]> {
  const rows = await tc.shard.db
    .select({ id: members.id })
    .from(members)
    .where(
      and(
        eq(members.districtId, tc.districtId),
        eq(members.branchId, tc.branchId),
        isNull(members.leftOn),
        inArray(members.status, ["probationary", "full"]),
        or(isNull(members.joinedOn), lte(members.joinedOn, `${year}-12-31`)),
      ),
    )
    .orderBy(asc(members.id));
  return rows.map((r) => r.id);
}

/** A year's appraisal as it opens: no limit fixed, nothing finalized (the row's one factory). */
export function newAppraisalRow(
  tc: TenantContext,
  f: { id: string; year: number; by: string; at: string },
): AppraisalRow {
  return {
    districtId: tc.districtId,
    branchId: tc.branchId,
    id: f.id,
    year: f.year,
    status: "open",
    appraised: null,
    excellentLimit: null,
    ruleSetVersion: null,
    openedAt: f.at,
    openedBy: f.by,
    finalizedAt: null,
    finalizedBy: null,
    version: 1,
  };
}

/** The appraisal's roll as it opens: one ungraded line per member, no mutual votes counted. */
export function newGradeRows(
  appraisal: Pick<AppraisalRow, "districtId" | "branchId" | "id" | "year">,
  memberIds: readonly string[],
): AppraisalGradeRow[] {
  return memberIds.map((memberId) => ({
    districtId: appraisal.districtId,
    branchId: appraisal.branchId,
    appraisalId: appraisal.id,
    memberId,
    year: appraisal.year,
    grade: null,
    selfGrade: null,
    comment: null,
    gradedAt: null,
    gradedBy: null,
    mutualExcellent: null,
    mutualQualified: null,
    mutualBasicallyQualified: null,
    mutualUnqualified: null,
  }));
}

export function insertAppraisal(
  tc: TenantContext,
  row: Omit<AppraisalRow, "districtId" | "branchId">,
  memberIds: string[],
): D1PreparedStatement[] {
  const keys = { districtId: tc.districtId, branchId: tc.branchId };
  return [
    statement(tc.shard.d1, tc.shard.db.insert(appraisals).values({ ...row, ...keys })),
    ...bulkInsert(tc.shard.d1, appraisalGrades, newGradeRows({ ...row, ...keys }, memberIds)),
  ];
}

export function updateAppraisal(
  tc: TenantContext,
  id: string,
  version: number,
  patch: Partial<Omit<AppraisalRow, "districtId" | "branchId" | "id" | "version">>,
): D1PreparedStatement[] {
  return [
    statement(
      tc.shard.d1,
      tc.shard.db
        .update(appraisals)
        .set({ ...patch, version: version + 1 })
        .where(and(scope(tc), eq(appraisals.id, id), eq(appraisals.version, version))),
    ),
    expectChanged(tc.shard.d1),
  ];
}

export function setGrade(
  tc: TenantContext,
  appraisalId: string,
  memberId: string,
  patch: Pick<AppraisalGradeRow, "grade" | "selfGrade" | "comment" | "gradedAt" | "gradedBy">,
): D1PreparedStatement[] {
  const g = appraisalGrades;
  return [
    statement(
      tc.shard.d1,
      tc.shard.db
        .update(g)
        .set(patch)
        .where(
          and(
            eq(g.districtId, tc.districtId),
            eq(g.branchId, tc.branchId),
            eq(g.appraisalId, appraisalId),
            eq(g.memberId, memberId),
          ),
        ),
    ),
    expectChanged(tc.shard.d1),
  ];
}

const MUTUAL_COLUMN = {
  excellent: "mutual_excellent",
  qualified: "mutual_qualified",
  basically_qualified: "mutual_basically_qualified",
  unqualified: "mutual_unqualified",
} as const;

/** Whether a member already cast their ballot on a ratee (a ballot is final). */
export async function hasVoted(
  tc: TenantContext,
  v: { appraisalId: string; rateeId: string; raterId: string },
): Promise<boolean> {
  const row = await tc.shard.db
    .select({ raterId: appraisalVoters.raterId })
    .from(appraisalVoters)
    .where(
      and(
        eq(appraisalVoters.branchId, tc.branchId),
        eq(appraisalVoters.appraisalId, v.appraisalId),
        eq(appraisalVoters.rateeId, v.rateeId),
        eq(appraisalVoters.raterId, v.raterId),
      ),
    )
    .get();
  return row !== undefined;
}

/**
 * A secret ballot: the voter is recorded as having voted on the ratee (the key refuses a second
 * ballot, even a concurrent one), and the grade only raises a count on the ratee's line. The two
 * statements share no id, time or order that could tie the count back to the voter.
 */
export function castBallot(
  tc: TenantContext,
  v: { appraisalId: string; rateeId: string; raterId: string; grade: keyof typeof MUTUAL_COLUMN },
): D1PreparedStatement[] {
  const column = MUTUAL_COLUMN[v.grade];
  return [
    statement(
      tc.shard.d1,
      tc.shard.db.insert(appraisalVoters).values({
        branchId: tc.branchId,
        appraisalId: v.appraisalId,
        rateeId: v.rateeId,
        raterId: v.raterId,
        districtId: tc.districtId,
      }),
    ),
    rawStatement(
      tc.shard.d1,
      `UPDATE appraisal_grades SET ${column} = coalesce(${column}, 0) + 1
        WHERE district_id = ? AND branch_id = ? AND appraisal_id = ? AND member_id = ?`,
      [tc.districtId, tc.branchId, v.appraisalId, v.rateeId],
    ),
    expectChanged(tc.shard.d1),
  ];
}

/** At finalize, a line nobody voted on shows zeros rather than nothing. */
export function closeBallotBox(tc: TenantContext, appraisalId: string): D1PreparedStatement {
  return rawStatement(
    tc.shard.d1,
    `UPDATE appraisal_grades SET
       mutual_excellent = coalesce(mutual_excellent, 0), mutual_qualified = coalesce(mutual_qualified, 0),
       mutual_basically_qualified = coalesce(mutual_basically_qualified, 0), mutual_unqualified = coalesce(mutual_unqualified, 0)
     WHERE district_id = ? AND branch_id = ? AND appraisal_id = ?`,
    [tc.districtId, tc.branchId, appraisalId],
  );
}

/** A member's grade in this branch's finalized appraisal of a year, if any. */
export async function finalizedGrade(
  tc: TenantContext,
  memberId: string,
  year: number,
): Promise<string | null> {
  const g = appraisalGrades;
  const row = await tc.shard.db
    .select({ grade: g.grade })
    .from(g)
    .innerJoin(appraisals, and(eq(appraisals.branchId, g.branchId), eq(appraisals.id, g.appraisalId)))
    .where(
      and(
        eq(g.districtId, tc.districtId),
        eq(g.branchId, tc.branchId),
        eq(g.memberId, memberId),
        eq(g.year, year),
        eq(appraisals.status, "finalized"),
      ),
    )
    .orderBy(desc(appraisals.finalizedAt))
    .get();
  return row?.grade ?? null;
}
