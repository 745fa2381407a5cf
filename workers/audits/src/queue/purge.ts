import { DataPlane, purgeExpiredReplays } from "@vanguard/db";
import type { AuditsBindings } from "../env";
import type { PurgeMessage } from "./messages";
import { sendAll } from "./send";

/** Rows deleted per statement, and statements per message before a continuation takes over. */
export const PURGE_PAGE = 1000;
export const PURGE_PAGES_PER_MESSAGE = 10;

/** The hourly cron: one purge message for the directory and one per shard. */
export async function enqueuePurges(env: AuditsBindings): Promise<void> {
  const shards = new DataPlane(env).shardCount;
  const stores: PurgeMessage["store"][] = ["directory", ...Array.from({ length: shards }, (_, s) => s)];
  await sendAll(
    env.AUDIT_QUEUE,
    stores.map((store) => ({ type: "purge" as const, store })),
  );
}

/**
 * Deletes one database's expired Idempotency-Key records in bounded pages; a database with more
 * than a message's share hands the rest to a continuation message, so no invocation grows with it.
 */
export async function purgePage(env: AuditsBindings, plane: DataPlane, msg: PurgeMessage): Promise<void> {
  for (let i = 0; i < PURGE_PAGES_PER_MESSAGE; i++) {
    if ((await purgeExpiredReplays(plane, msg.store, PURGE_PAGE)) < PURGE_PAGE) return;
  }
  await env.AUDIT_QUEUE.send(msg);
}
