import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { appraisalGrades, appraisals, appraisalVotes } from "../schema/evaluations";
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

export function insertAppraisal(
  tc: TenantContext,
  row: Omit<AppraisalRow, "districtId" | "branchId">,
  memberIds: string[],
): D1PreparedStatement[] {
  const keys = { districtId: tc.districtId, branchId: tc.branchId };
  return [
    statement(tc.shard.d1, tc.shard.db.insert(appraisals).values({ ...row, ...keys })),
    ...bulkInsert(
      tc.shard.d1,
      appraisalGrades,
      memberIds.map((memberId) => ({ ...keys, appraisalId: row.id, memberId, year: row.year })),
    ),
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

/** A member's mutual vote on another; voting again replaces the vote. */
export function castVote(
  tc: TenantContext,
  v: { appraisalId: string; rateeId: string; raterId: string; grade: string; castAt: string },
): D1PreparedStatement {
  return statement(
    tc.shard.d1,
    tc.shard.db
      .insert(appraisalVotes)
      .values({ ...v, districtId: tc.districtId, branchId: tc.branchId })
      .onConflictDoUpdate({
        target: [
          appraisalVotes.branchId,
          appraisalVotes.appraisalId,
          appraisalVotes.rateeId,
          appraisalVotes.raterId,
        ],
        set: { grade: v.grade, castAt: v.castAt },
      }),
  );
}

/** Mutual votes counted per ratee and grade; who voted what is never read back. */
export async function voteCounts(
  tc: TenantContext,
  appraisalId: string,
): Promise<{ rateeId: string; grade: string; n: number }[]> {
  const v = appraisalVotes;
  return tc.shard.db
    .select({ rateeId: v.rateeId, grade: v.grade, n: sql<number>`count(*)` })
    .from(v)
    .where(and(eq(v.districtId, tc.districtId), eq(v.branchId, tc.branchId), eq(v.appraisalId, appraisalId)))
    .groupBy(v.rateeId, v.grade);
}

/** Fixes each member's mutual tally on their grade row at finalize, in one statement. */
export function fixMutualTallies(tc: TenantContext, appraisalId: string): D1PreparedStatement {
  return rawStatement(
    tc.shard.d1,
    `UPDATE appraisal_grades SET
       mutual_excellent = (SELECT count(*) FROM appraisal_votes v WHERE v.branch_id = appraisal_grades.branch_id AND v.appraisal_id = appraisal_grades.appraisal_id AND v.ratee_id = appraisal_grades.member_id AND v.grade = 'excellent'),
       mutual_qualified = (SELECT count(*) FROM appraisal_votes v WHERE v.branch_id = appraisal_grades.branch_id AND v.appraisal_id = appraisal_grades.appraisal_id AND v.ratee_id = appraisal_grades.member_id AND v.grade = 'qualified'),
       mutual_basically_qualified = (SELECT count(*) FROM appraisal_votes v WHERE v.branch_id = appraisal_grades.branch_id AND v.appraisal_id = appraisal_grades.appraisal_id AND v.ratee_id = appraisal_grades.member_id AND v.grade = 'basically_qualified'),
       mutual_unqualified = (SELECT count(*) FROM appraisal_votes v WHERE v.branch_id = appraisal_grades.branch_id AND v.appraisal_id = appraisal_grades.appraisal_id AND v.ratee_id = appraisal_grades.member_id AND v.grade = 'unqualified')
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
