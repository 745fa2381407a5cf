import { DataPlane } from "@vanguard/db";
import { leaseDueDeliveries } from "@vanguard/db/audits";
import type { AuditsBindings } from "../env";
import { OUTBOX_LEASE_MS } from "./digest";
import { sendAll } from "./send";

const PER_SHARD = 500;

/**
 * Hands every due, undelivered outbox row back to the queue: what a lost send, an exhausted retry
 * budget or a dead-lettered message left behind is tried again, so no delivery is ever dropped.
 */
export async function sweepDeliveries(env: AuditsBindings): Promise<number> {
  const plane = new DataPlane(env);
  const now = new Date();
  const lease = new Date(now.getTime() + OUTBOX_LEASE_MS).toISOString();
  let total = 0;
  for (let shard = 0; shard < plane.shardCount; shard++) {
    const due = await leaseDueDeliveries(plane.shard(shard), now.toISOString(), lease, PER_SHARD);
    await sendAll(
      env.WEBHOOK_QUEUE,
      due.map((d) => ({ type: "deliver" as const, shard, branchId: d.branch_id, deliveryId: d.id })),
    );
    total += due.length;
  }
  return total;
}
