import { and, asc, eq, gt, gte, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { workRecords } from "../schema/evaluations";
import type { TenantContext } from "../tenant/context";
import { statement } from "../write/sql";

export type WorkRecordRow = typeof workRecords.$inferSelect;

function scope(tc: TenantContext) {
  return and(eq(workRecords.districtId, tc.districtId), eq(workRecords.branchId, tc.branchId));
}

export function getRecord(tc: TenantContext, id: string): Promise<WorkRecordRow | undefined> {
  return tc.shard.db
    .select()
    .from(workRecords)
    .where(and(scope(tc), eq(workRecords.id, id)))
    .get();
}

export interface RecordFilter {
  /** a member's records; `null` = the branch's own records; undefined = all */
  memberId?: string | null;
  /** only records about members (any member) */
  membersOnly?: boolean;
  kind?: string;
  from?: string;
  to?: string;
  limit: number;
  after?: string;
}

export function listRecords(tc: TenantContext, f: RecordFilter): Promise<WorkRecordRow[]> {
  return tc.shard.db
    .select()
    .from(workRecords)
    .where(
      and(
        scope(tc),
        f.memberId === null ? isNull(workRecords.memberId) : undefined,
        f.memberId ? eq(workRecords.memberId, f.memberId) : undefined,
        f.membersOnly ? isNotNull(workRecords.memberId) : undefined,
        f.kind ? eq(workRecords.kind, f.kind) : undefined,
        f.from ? gte(workRecords.occurredOn, f.from) : undefined,
        f.to ? lte(workRecords.occurredOn, f.to) : undefined,
        f.after ? gt(workRecords.id, f.after) : undefined,
      ),
    )
    .orderBy(asc(workRecords.id))
    .limit(f.limit);
}

/** Which of these records were corrected, and by which record. */
export async function correctionsOf(tc: TenantContext, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tc.shard.db
    .select({ id: workRecords.id, correctsId: workRecords.correctsId })
    .from(workRecords)
    .where(
      and(scope(tc), sql`${workRecords.correctsId} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`),
    );
  return new Map(rows.map((r) => [r.correctsId!, r.id]));
}

export function insertRecord(
  tc: TenantContext,
  row: Omit<WorkRecordRow, "districtId" | "branchId">,
): D1PreparedStatement {
  return statement(
    tc.shard.d1,
    tc.shard.db.insert(workRecords).values({ ...row, districtId: tc.districtId, branchId: tc.branchId }),
  );
}
