import { and, asc, eq, sql } from "drizzle-orm";
import { developmentSteps } from "../schema/onboarding";
import type { TenantContext } from "../tenant/context";
import { bulkInsert, statement } from "../write/sql";

export type StepRow = typeof developmentSteps.$inferSelect;
export type NewStep = Omit<StepRow, "districtId" | "branchId" | "importedFrom" | "facts"> & {
  importedFrom?: string | null;
  facts?: string | null;
};

function scope(tc: TenantContext) {
  return and(eq(developmentSteps.districtId, tc.districtId), eq(developmentSteps.branchId, tc.branchId));
}

/** A case's steps in recording order. */
export function listSteps(tc: TenantContext, caseId: string) {
  return tc.shard.db
    .select()
    .from(developmentSteps)
    .where(and(scope(tc), eq(developmentSteps.caseId, caseId)))
    .orderBy(asc(developmentSteps.seq));
}

/** The steps of many cases of the branch at once (one query), grouped by case. */
export async function stepsOfCases(tc: TenantContext, caseIds: string[]): Promise<Map<string, StepRow[]>> {
  const out = new Map<string, StepRow[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return out;
  const rows = await tc.shard.db
    .select()
    .from(developmentSteps)
    .where(
      and(
        scope(tc),
        sql`${developmentSteps.caseId} IN (SELECT value FROM json_each(${JSON.stringify(caseIds)}))`,
      ),
    )
    .orderBy(asc(developmentSteps.caseId), asc(developmentSteps.seq));
  for (const r of rows) out.get(r.caseId)?.push(r);
  return out;
}

/** Steps are never updated or deleted: a correction is a new record. */
export function insertStep(tc: TenantContext, row: NewStep): D1PreparedStatement {
  return statement(
    tc.shard.d1,
    tc.shard.db.insert(developmentSteps).values({ ...row, districtId: tc.districtId, branchId: tc.branchId }),
  );
}

/** Many steps in a few statements (a history import of cases under way). */
export function insertSteps(tc: TenantContext, rows: NewStep[]): D1PreparedStatement[] {
  return bulkInsert(
    tc.shard.d1,
    developmentSteps,
    rows.map((r) => ({ ...r, districtId: tc.districtId, branchId: tc.branchId })),
  );
}
