import { and, asc, eq, gt } from "drizzle-orm";
import { webhookDeliveries, webhooks } from "../schema/audits";
import type { ShardDb } from "../shards";
import type { TenantContext } from "../tenant/context";
import { bulkInsert, rawStatement, statement } from "../write/sql";

export type WebhookRow = typeof webhooks.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

export function getWebhook(tc: TenantContext): Promise<WebhookRow | undefined> {
  return tc.shard.db.select().from(webhooks).where(eq(webhooks.branchId, tc.branchId)).get();
}

export function upsertWebhook(
  tc: TenantContext,
  row: { url: string; secretEnc: string; at: string; version: number },
): D1PreparedStatement {
  return statement(
    tc.shard.d1,
    tc.shard.db
      .insert(webhooks)
      .values({
        branchId: tc.branchId,
        districtId: tc.districtId,
        url: row.url,
        secretEnc: row.secretEnc,
        createdAt: row.at,
        updatedAt: row.at,
        version: row.version,
      })
      .onConflictDoUpdate({
        target: webhooks.branchId,
        set: { url: row.url, secretEnc: row.secretEnc, updatedAt: row.at, version: row.version },
      }),
  );
}

/** The webhooks configured among a set of branches (to know who gets deliveries). */
export async function webhookBranches(shard: ShardDb, branchIds: string[]): Promise<Set<string>> {
  if (!branchIds.length) return new Set();
  const res = await shard.d1
    .prepare("SELECT branch_id FROM webhooks WHERE branch_id IN (SELECT value FROM json_each(?))")
    .bind(JSON.stringify(branchIds))
    .all<{ branch_id: string }>();
  return new Set(res.results.map((r) => r.branch_id));
}

/** Outbox rows, once per dedupe key: a rerun or a redelivered message adds nothing. */
export function enqueueDeliveries(
  shard: ShardDb,
  rows: (typeof webhookDeliveries.$inferInsert)[],
): D1PreparedStatement[] {
  return bulkInsert(shard.d1, webhookDeliveries, rows, { onConflictDoNothing: true });
}

export async function deliveryWithWebhook(
  shard: ShardDb,
  branchId: string,
  id: string,
): Promise<{ delivery: DeliveryRow; webhook: WebhookRow | undefined } | undefined> {
  const row = await shard.db
    .select({ delivery: webhookDeliveries, webhook: webhooks })
    .from(webhookDeliveries)
    .leftJoin(webhooks, eq(webhooks.branchId, webhookDeliveries.branchId))
    .where(and(eq(webhookDeliveries.branchId, branchId), eq(webhookDeliveries.id, id)))
    .get();
  return row ? { delivery: row.delivery, webhook: row.webhook ?? undefined } : undefined;
}

export function deliveryIdsByKey(shard: ShardDb, keys: { branchId: string; dedupeKey: string }[]) {
  if (!keys.length) return Promise.resolve([] as { branch_id: string; id: string; status: string }[]);
  return shard.d1
    .prepare(
      `SELECT branch_id, id, status FROM webhook_deliveries
        WHERE (branch_id, dedupe_key) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))`,
    )
    .bind(JSON.stringify(keys.map((k) => [k.branchId, k.dedupeKey])))
    .all<{ branch_id: string; id: string; status: string }>()
    .then((r) => r.results);
}

export function markDelivered(
  shard: ShardDb,
  d: DeliveryRow,
  status: number,
  at: string,
): D1PreparedStatement {
  return rawStatement(
    shard.d1,
    "UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, last_status = ?, last_error = NULL, delivered_at = ? WHERE branch_id = ? AND id = ?",
    [status, at, d.branchId, d.id],
  );
}

export function markAttemptFailed(
  shard: ShardDb,
  d: DeliveryRow,
  failure: { status: number | null; error: string; nextAttemptAt: string },
): D1PreparedStatement {
  return rawStatement(
    shard.d1,
    "UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = ?, last_error = ?, next_attempt_at = ? WHERE branch_id = ? AND id = ? AND status = 'pending'",
    [failure.status, failure.error.slice(0, 500), failure.nextAttemptAt, d.branchId, d.id],
  );
}

/** A page of the shard's webhooks, for the daily digest. */
export function webhooksPage(shard: ShardDb, after: string, limit: number) {
  return shard.d1
    .prepare("SELECT branch_id, district_id FROM webhooks WHERE branch_id > ? ORDER BY branch_id LIMIT ?")
    .bind(after, limit)
    .all<{ branch_id: string; district_id: string }>()
    .then((r) => r.results);
}

/** Leases due deliveries to the sweeper: their next attempt moves out so two sweeps do not both send. */
export function leaseDueDeliveries(shard: ShardDb, now: string, leaseUntil: string, limit: number) {
  return shard.d1
    .prepare(
      `UPDATE webhook_deliveries SET next_attempt_at = ?
        WHERE (branch_id, id) IN (SELECT branch_id, id FROM webhook_deliveries
                                   WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?)
        RETURNING branch_id, id`,
    )
    .bind(leaseUntil, now, limit)
    .all<{ branch_id: string; id: string }>()
    .then((r) => r.results);
}

export function listDeliveries(
  tc: TenantContext,
  { status, limit, after }: { status?: DeliveryRow["status"]; limit: number; after?: string },
): Promise<DeliveryRow[]> {
  return tc.shard.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.branchId, tc.branchId),
        status ? eq(webhookDeliveries.status, status) : undefined,
        after ? gt(webhookDeliveries.id, after) : undefined,
      ),
    )
    .orderBy(asc(webhookDeliveries.id))
    .limit(limit);
}

export function deleteWebhook(tc: TenantContext): D1PreparedStatement {
  return rawStatement(tc.shard.d1, "DELETE FROM webhooks WHERE branch_id = ?", [tc.branchId]);
}
