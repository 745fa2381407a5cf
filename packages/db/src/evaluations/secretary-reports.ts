import { and, asc, eq, gt } from "drizzle-orm";
import { secretaryReports } from "../schema/evaluations";
import type { TenantContext } from "../tenant/context";
import { expectChanged, statement } from "../write/sql";

export type SecretaryReportRow = typeof secretaryReports.$inferSelect;

function scope(tc: TenantContext) {
  return and(eq(secretaryReports.districtId, tc.districtId), eq(secretaryReports.branchId, tc.branchId));
}

export function getSecretaryReport(tc: TenantContext, id: string): Promise<SecretaryReportRow | undefined> {
  return tc.shard.db
    .select()
    .from(secretaryReports)
    .where(and(scope(tc), eq(secretaryReports.id, id)))
    .get();
}

export function listSecretaryReports(
  tc: TenantContext,
  f: { limit: number; after?: string; year?: number },
): Promise<SecretaryReportRow[]> {
  return tc.shard.db
    .select()
    .from(secretaryReports)
    .where(
      and(
        scope(tc),
        f.year ? eq(secretaryReports.year, f.year) : undefined,
        f.after ? gt(secretaryReports.id, f.after) : undefined,
      ),
    )
    .orderBy(asc(secretaryReports.id))
    .limit(f.limit);
}

export function insertSecretaryReport(
  tc: TenantContext,
  row: Omit<SecretaryReportRow, "districtId" | "branchId">,
): D1PreparedStatement {
  return statement(
    tc.shard.d1,
    tc.shard.db.insert(secretaryReports).values({ ...row, districtId: tc.districtId, branchId: tc.branchId }),
  );
}

export function updateSecretaryReport(
  tc: TenantContext,
  id: string,
  version: number,
  patch: Partial<
    Pick<SecretaryReportRow, "status" | "rating" | "reviewComment" | "reviewedAt" | "reviewedBy">
  >,
): D1PreparedStatement[] {
  return [
    statement(
      tc.shard.d1,
      tc.shard.db
        .update(secretaryReports)
        .set({ ...patch, version: version + 1 })
        .where(and(scope(tc), eq(secretaryReports.id, id), eq(secretaryReports.version, version))),
    ),
    expectChanged(tc.shard.d1),
  ];
}
