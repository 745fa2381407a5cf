import { and, desc, eq } from "drizzle-orm";
import { committeeElections } from "../schema/practices";
import type { TenantContext } from "../tenant/context";
import { statement } from "../write/sql";

export type ElectionRow = typeof committeeElections.$inferSelect;

export function listElections(tc: TenantContext) {
  return tc.shard.db
    .select()
    .from(committeeElections)
    .where(
      and(eq(committeeElections.districtId, tc.districtId), eq(committeeElections.branchId, tc.branchId)),
    )
    .orderBy(desc(committeeElections.heldOn), desc(committeeElections.id));
}

export function insertElection(
  tc: TenantContext,
  row: Omit<ElectionRow, "districtId" | "branchId">,
): D1PreparedStatement {
  return statement(
    tc.shard.d1,
    tc.shard.db
      .insert(committeeElections)
      .values({ ...row, districtId: tc.districtId, branchId: tc.branchId }),
  );
}
