import { and, asc, eq, gt, inArray, lte, or, sql } from "drizzle-orm";
import { transfers } from "../schema/directory";
import type { DataPlane } from "../shards";
import { expectChanged, statement } from "../write/sql";

export type TransferRow = typeof transfers.$inferSelect;
export type TransferStatus = TransferRow["status"];

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

/** The member's open letter (pending or accepting), whichever branch issued it: at most one exists. */
export function openTransferOf(plane: DataPlane, memberId: string) {
  return plane.directory.db
    .select()
    .from(transfers)
    .where(and(eq(transfers.memberId, memberId), inArray(transfers.status, ["pending", "accepting"])))
    .get();
}

export function insertTransfer(plane: DataPlane, row: typeof transfers.$inferInsert): D1PreparedStatement {
  return statement(plane.directory.d1, plane.directory.db.insert(transfers).values(row));
}

export type TransferChange = Partial<
  Pick<
    TransferRow,
    | "status"
    | "acceptedAt"
    | "acceptedBy"
    | "claimId"
    | "claimedAt"
    | "cancelledAt"
    | "cancelledBy"
    | "cancelReason"
  >
>;

/**
 * Moves a letter on only if it is still exactly as the caller saw it (same version, and for an
 * accept in progress the same claim): the batch aborts otherwise, so two requests can never both
 * act on one state of a letter.
 */
export function changeTransfer(
  plane: DataPlane,
  seen: Pick<TransferRow, "id" | "version">,
  change: TransferChange,
): D1PreparedStatement[] {
  return [
    statement(
      plane.directory.d1,
      plane.directory.db
        .update(transfers)
        .set({ ...change, version: sql`${transfers.version} + 1` })
        .where(and(eq(transfers.id, seen.id), eq(transfers.version, seen.version))),
    ),
    expectChanged(plane.directory.d1),
  ];
}

/**
 * Letters out of these branches that an accept has held since before `claimedBefore`: a request
 * died half way and nobody resumed or withdrew the letter.
 */
export function stuckTransfersFrom(plane: DataPlane, branchIdsJson: string, claimedBefore: string) {
  return plane.directory.db
    .select()
    .from(transfers)
    .where(
      and(
        sql`${transfers.fromBranchId} IN (SELECT value FROM json_each(${branchIdsJson}))`,
        eq(transfers.status, "accepting"),
        lte(transfers.claimedAt, claimedBefore),
      ),
    );
}
