import type { ShardDb } from "../shards";
import { rawStatement } from "../write/sql";

/**
 * The sealed columns of one shard, for re-sealing under the current key after a rotation. Pages go
 * by primary key and read a fixed number of rows whatever they hold, so every page is bounded.
 */
export interface SealedMember {
  branchId: string;
  id: string;
  idNumberEnc: string | null;
  idNumberHash: string | null;
  phoneEnc: string | null;
}

export async function sealedMembersPage(
  shard: ShardDb,
  after: [string, string] | null,
  limit: number,
): Promise<SealedMember[]> {
  const { results } = await shard.d1
    .prepare(
      `SELECT branch_id AS branchId, id, id_number_enc AS idNumberEnc, id_number_hash AS idNumberHash, phone_enc AS phoneEnc
         FROM members WHERE (branch_id, id) > (?, ?) ORDER BY branch_id, id LIMIT ?`,
    )
    .bind(after?.[0] ?? "", after?.[1] ?? "", limit)
    .all<SealedMember>();
  return results;
}

export async function sealedWebhooksPage(
  shard: ShardDb,
  after: string | null,
  limit: number,
): Promise<{ branchId: string; secretEnc: string }[]> {
  const { results } = await shard.d1
    .prepare(
      "SELECT branch_id AS branchId, secret_enc AS secretEnc FROM webhooks WHERE branch_id > ? ORDER BY branch_id LIMIT ?",
    )
    .bind(after ?? "", limit)
    .all<{ branchId: string; secretEnc: string }>();
  return results;
}

/**
 * The same values sealed again: only if the row still holds what was read (a concurrent edit wins
 * and is already sealed under the current key). The plaintext is unchanged, so the row's version,
 * its history and the event log are not touched.
 */
export function resealMember(
  shard: ShardDb,
  seen: SealedMember,
  next: Omit<SealedMember, "branchId" | "id">,
) {
  return rawStatement(
    shard.d1,
    `UPDATE members SET id_number_enc = ?, id_number_hash = ?, phone_enc = ?
      WHERE branch_id = ? AND id = ? AND id_number_enc IS ? AND phone_enc IS ?`,
    [
      next.idNumberEnc,
      next.idNumberHash,
      next.phoneEnc,
      seen.branchId,
      seen.id,
      seen.idNumberEnc,
      seen.phoneEnc,
    ],
  );
}

export function resealWebhook(shard: ShardDb, branchId: string, seen: string, next: string) {
  return rawStatement(shard.d1, "UPDATE webhooks SET secret_enc = ? WHERE branch_id = ? AND secret_enc = ?", [
    next,
    branchId,
    seen,
  ]);
}
