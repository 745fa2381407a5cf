import { and, asc, eq, gt, sql } from "drizzle-orm";
import { partySanctions } from "../schema/onboarding";
import { members } from "../schema/shard";
import type { TenantContext } from "../tenant/context";
import { statement } from "../write/sql";

export type SanctionRow = typeof partySanctions.$inferSelect;
export type NewSanction = Omit<SanctionRow, "districtId" | "branchId">;

function scope(tc: TenantContext) {
  return and(eq(partySanctions.districtId, tc.districtId), eq(partySanctions.branchId, tc.branchId));
}

/** 留党察看 in force on `on`: decided by then and not yet ended. */
function probationInForce(on: string) {
  return and(
    eq(partySanctions.kind, "probation_within_party"),
    sql`${partySanctions.decidedOn} <= ${on}`,
    sql`(${partySanctions.endsOn} IS NULL OR ${partySanctions.endsOn} >= ${on})`,
  );
}

export function listSanctions(
  tc: TenantContext,
  f: { memberId?: string; limit: number; after?: string },
): Promise<SanctionRow[]> {
  return tc.shard.db
    .select()
    .from(partySanctions)
    .where(
      and(
        scope(tc),
        f.memberId ? eq(partySanctions.memberId, f.memberId) : undefined,
        f.after ? gt(partySanctions.id, f.after) : undefined,
      ),
    )
    .orderBy(asc(partySanctions.id))
    .limit(f.limit);
}

export function insertSanction(tc: TenantContext, row: NewSanction): D1PreparedStatement {
  return statement(
    tc.shard.d1,
    tc.shard.db.insert(partySanctions).values({ ...row, districtId: tc.districtId, branchId: tc.branchId }),
  );
}

/** Which of these members are under 留党察看 on `on`: a query that can join a batch. */
export function underDisciplineQuery(tc: TenantContext, memberIds: string[], on: string) {
  return tc.shard.db
    .selectDistinct({ memberId: partySanctions.memberId })
    .from(partySanctions)
    .where(
      and(
        scope(tc),
        probationInForce(on),
        sql`${partySanctions.memberId} IN (SELECT value FROM json_each(${JSON.stringify(memberIds)}))`,
      ),
    );
}

/** Which of these members are under 留党察看 on `on`. */
export async function underDisciplineOn(
  tc: TenantContext,
  memberIds: string[],
  on: string,
): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const rows = await underDisciplineQuery(tc, memberIds, on);
  return new Set(rows.map((r) => r.memberId));
}

/** Full members on the roll with voting rights on `on` (a member under 留党察看 has none). */
export async function votingMembersOn(tc: TenantContext, on: string): Promise<number> {
  const [row] = await votingMembersQuery(tc, on);
  return row?.n ?? 0;
}

/** The count of `votingMembersOn` as a query that can join a batch. */
export function votingMembersQuery(tc: TenantContext, on: string) {
  return tc.shard.db
    .select({ n: sql<number>`count(*)` })
    .from(members)
    .where(
      and(
        eq(members.districtId, tc.districtId),
        eq(members.branchId, tc.branchId),
        eq(members.status, "full"),
        sql`${members.leftOn} IS NULL`,
        sql`NOT EXISTS (SELECT 1 FROM ${partySanctions} WHERE ${partySanctions.branchId} = ${members.branchId} AND ${partySanctions.memberId} = ${members.id} AND ${probationInForce(on)})`,
      ),
    )
    .limit(1);
}
