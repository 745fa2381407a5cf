import { and, asc, eq, sql } from "drizzle-orm";
import { developmentComplaints } from "../schema/onboarding";
import type { TenantContext } from "../tenant/context";
import { expectChanged, statement } from "../write/sql";

export type ComplaintRow = typeof developmentComplaints.$inferSelect;
export type NewComplaint = Omit<ComplaintRow, "districtId" | "branchId">;

function scope(tc: TenantContext) {
  return and(
    eq(developmentComplaints.districtId, tc.districtId),
    eq(developmentComplaints.branchId, tc.branchId),
  );
}

export function listComplaints(tc: TenantContext, caseId: string) {
  return tc.shard.db
    .select()
    .from(developmentComplaints)
    .where(and(scope(tc), eq(developmentComplaints.caseId, caseId)))
    .orderBy(asc(developmentComplaints.receivedOn), asc(developmentComplaints.id));
}

export function getComplaint(
  tc: TenantContext,
  caseId: string,
  id: string,
): Promise<ComplaintRow | undefined> {
  return tc.shard.db
    .select()
    .from(developmentComplaints)
    .where(and(scope(tc), eq(developmentComplaints.caseId, caseId), eq(developmentComplaints.id, id)))
    .get();
}

/** Open complaints per case, for many cases in one query. */
export async function openComplaintCounts(
  tc: TenantContext,
  caseIds: string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>(caseIds.map((id) => [id, 0]));
  if (caseIds.length === 0) return out;
  const rows = await tc.shard.db
    .select({ caseId: developmentComplaints.caseId, n: sql<number>`count(*)` })
    .from(developmentComplaints)
    .where(
      and(
        scope(tc),
        eq(developmentComplaints.status, "open"),
        sql`${developmentComplaints.caseId} IN (SELECT value FROM json_each(${JSON.stringify(caseIds)}))`,
      ),
    )
    .groupBy(developmentComplaints.caseId);
  for (const r of rows) out.set(r.caseId, r.n);
  return out;
}

export function insertComplaint(tc: TenantContext, row: NewComplaint): D1PreparedStatement {
  return statement(
    tc.shard.d1,
    tc.shard.db
      .insert(developmentComplaints)
      .values({ ...row, districtId: tc.districtId, branchId: tc.branchId }),
  );
}

/** Resolves an open complaint; aborts the batch if it was resolved or changed meanwhile. */
export function resolveComplaint(
  tc: TenantContext,
  c: Pick<ComplaintRow, "id" | "version">,
  r: { resolvedOn: string; resolution: string; resolvedBy: string; resolvedAt: string },
): D1PreparedStatement[] {
  return [
    statement(
      tc.shard.d1,
      tc.shard.db
        .update(developmentComplaints)
        .set({ ...r, status: "resolved", version: c.version + 1 })
        .where(
          and(
            scope(tc),
            eq(developmentComplaints.id, c.id),
            eq(developmentComplaints.version, c.version),
            eq(developmentComplaints.status, "open"),
          ),
        ),
    ),
    expectChanged(tc.shard.d1),
  ];
}
