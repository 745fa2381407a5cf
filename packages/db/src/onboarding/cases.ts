import { and, asc, eq, getTableColumns, gt, isNull, ne, sql } from "drizzle-orm";
import { developmentCases } from "../schema/onboarding";
import { members } from "../schema/shard";
import type { TenantContext } from "../tenant/context";
import { expectChanged, statement } from "../write/sql";

export type CaseRow = typeof developmentCases.$inferSelect;
export type NewCase = Omit<CaseRow, "districtId" | "branchId">;

function scope(tc: TenantContext) {
  return and(eq(developmentCases.districtId, tc.districtId), eq(developmentCases.branchId, tc.branchId));
}

export function getCase(tc: TenantContext, id: string): Promise<CaseRow | undefined> {
  return tc.shard.db
    .select()
    .from(developmentCases)
    .where(and(scope(tc), eq(developmentCases.id, id)))
    .get();
}

/** The person's case that is still going on, if any. */
export function openCaseOf(tc: TenantContext, memberId: string): Promise<CaseRow | undefined> {
  return tc.shard.db
    .select()
    .from(developmentCases)
    .where(and(scope(tc), eq(developmentCases.memberId, memberId), ne(developmentCases.stage, "closed")))
    .get();
}

export interface CaseFilter {
  stage?: CaseRow["stage"];
  /** a member key sees its own case only */
  memberId?: string;
  limit: number;
  after?: string;
}

export type CaseListRow = CaseRow & { memberName: string };

/** A case's person on the same branch's roll: the join every list of cases with names makes. */
export const casePerson = and(
  eq(members.branchId, developmentCases.branchId),
  eq(members.id, developmentCases.memberId),
);

/**
 * The branch's cases with the person's name, oldest first. Cases of people who transferred out stay
 * in this branch's records but leave its working list: their case goes on in the new branch.
 */
export function listCases(tc: TenantContext, f: CaseFilter): Promise<CaseListRow[]> {
  return tc.shard.db
    .select({ ...getTableColumns(developmentCases), memberName: members.name })
    .from(developmentCases)
    .innerJoin(members, casePerson)
    .where(
      and(
        scope(tc),
        f.stage ? eq(developmentCases.stage, f.stage) : undefined,
        f.memberId ? eq(developmentCases.memberId, f.memberId) : undefined,
        f.after ? gt(developmentCases.id, f.after) : undefined,
        sql`(${members.leftOn} IS NULL OR ${members.leftReason} <> 'transferred_out')`,
      ),
    )
    .orderBy(asc(developmentCases.id))
    .limit(f.limit);
}

/** Open cases of people still on the roll, with their birth dates, for deadline checks. */
export async function listOpenCases(tc: TenantContext): Promise<(CaseRow & { birthDate: string })[]> {
  return tc.shard.db
    .select({ ...getTableColumns(developmentCases), birthDate: members.birthDate })
    .from(developmentCases)
    .innerJoin(members, casePerson)
    .where(and(scope(tc), ne(developmentCases.stage, "closed"), isNull(members.leftOn)))
    .orderBy(asc(developmentCases.id));
}

export function insertCase(tc: TenantContext, row: NewCase): D1PreparedStatement {
  return statement(
    tc.shard.d1,
    tc.shard.db.insert(developmentCases).values({ ...row, districtId: tc.districtId, branchId: tc.branchId }),
  );
}

export type CasePatch = Partial<
  Pick<
    CaseRow,
    | "stage"
    | "cycle"
    | "probationEndsOn"
    | "extensionsApproved"
    | "fullOn"
    | "closedOn"
    | "closedReason"
    | "lastStep"
    | "lastStepOn"
    | "stepCount"
  >
>;

/** Applies only if the case still has `version`; otherwise the batch aborts (409). */
export function updateCase(
  tc: TenantContext,
  id: string,
  version: number,
  patch: CasePatch,
  at: string,
): D1PreparedStatement[] {
  return [
    statement(
      tc.shard.d1,
      tc.shard.db
        .update(developmentCases)
        .set({ ...patch, updatedAt: at, version: version + 1 })
        .where(and(scope(tc), eq(developmentCases.id, id), eq(developmentCases.version, version))),
    ),
    expectChanged(tc.shard.d1),
  ];
}
