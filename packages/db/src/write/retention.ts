import { getTableName } from "drizzle-orm";
import { directoryIdempotency } from "../schema/directory";
import { shardIdempotency } from "../schema/shard";
import type { DataPlane } from "../shards";
import { IDEMPOTENCY_RETENTION_MS } from "./writer";

/** Where replay records are kept: a shard by number, or the directory. */
export type ReplayStore = number | "directory";

/**
 * Deletes up to `limit` replay records older than the retention period from one database, oldest
 * first (by the created_at index), and says how many went: a caller pages until fewer than `limit`.
 */
export async function purgeExpiredReplays(
  plane: DataPlane,
  store: ReplayStore,
  limit: number,
  now = Date.now(),
): Promise<number> {
  const d1 = store === "directory" ? plane.directory.d1 : plane.shard(store).d1;
  const table = getTableName(store === "directory" ? directoryIdempotency : shardIdempotency);
  const res = await d1
    .prepare(
      `DELETE FROM "${table}" WHERE rowid IN (SELECT rowid FROM "${table}" WHERE created_at <= ? ORDER BY created_at LIMIT ?)`,
    )
    .bind(new Date(now - IDEMPOTENCY_RETENTION_MS).toISOString(), limit)
    .run();
  return res.meta.changes ?? 0;
}
