import { and, asc, eq, gt, or } from "drizzle-orm";
import { transfers } from "../schema/directory";
import type { DataPlane } from "../shards";
import { statement } from "../write/sql";

export type TransferRow = typeof transfers.$inferSelect;

export function getTransfer(plane: DataPlane, id: string): Promise<TransferRow | undefined> {
  return plane.directory.db.select().from(transfers).where(eq(transfers.id, id)).get();
}

export function listTransfersOf(
  plane: DataPlane,
  branchId: string,
  { direction, limit, after }: { direction: "in" | "out" | "both"; limit: number; after?: string },
): Promise<TransferRow[]> {
  const side =
    direction === "in"
      ? eq(transfers.toBranchId, branchId)
      : direction === "out"
        ? eq(transfers.fromBranchId, branchId)
        : or(eq(transfers.toBranchId, branchId), eq(transfers.fromBranchId, branchId));
  return plane.directory.db
    .select()
    .from(transfers)
    .where(and(side, after ? gt(transfers.id, after) : undefined))
    .orderBy(asc(transfers.id))
    .limit(limit);
}

export function pendingTransferFor(plane: DataPlane, fromBranchId: string, memberId: string) {
  return plane.directory.db
    .select()
    .from(transfers)
    .where(
      and(
        eq(transfers.fromBranchId, fromBranchId),
        eq(transfers.memberId, memberId),
        or(eq(transfers.status, "pending"), eq(transfers.status, "accepting")),
      ),
    )
    .get();
}

export function insertTransfer(plane: DataPlane, row: typeof transfers.$inferInsert): D1PreparedStatement {
  return statement(plane.directory.d1, plane.directory.db.insert(transfers).values(row));
}

/** Moves a letter from one status to the next only if it is still where the caller saw it. */
export function setTransferStatus(
  plane: DataPlane,
  id: string,
  from: TransferRow["status"],
  to: TransferRow["status"],
  extra: Partial<Pick<TransferRow, "acceptedAt" | "acceptedBy">> = {},
): D1PreparedStatement {
  return statement(
    plane.directory.d1,
    plane.directory.db
      .update(transfers)
      .set({ status: to, ...extra })
      .where(and(eq(transfers.id, id), eq(transfers.status, from))),
  );
}
