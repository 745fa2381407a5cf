import { branchSetContext, type DataPlane, newId } from "@vanguard/db";
import { deliveryIdsByKey, enqueueDeliveries, webhooksPage } from "@vanguard/db/audits";
import { buildDigests } from "../digest/build-digest";
import type { AuditsBindings } from "../env";
import type { DigestMessage } from "./messages";
import { sendAll } from "./send";

const PAGE = 100;
export const OUTBOX_LEASE_MS = 5 * 60_000;

/** Puts the day's digest of a page of webhook-holding branches in the outbox, then continues. */
export async function digestPage(env: AuditsBindings, plane: DataPlane, msg: DigestMessage): Promise<void> {
  const shard = plane.shard(msg.shard);
  const hooks = await webhooksPage(shard, msg.after, PAGE);
  if (hooks.length) {
    const set = branchSetContext(
      plane,
      msg.shard,
      hooks.map((h) => ({ branchId: h.branch_id, districtId: h.district_id })),
    );
    const digests = await buildDigests(plane, set, msg.date);
    const now = new Date();
    const lease = new Date(now.getTime() + OUTBOX_LEASE_MS).toISOString();
    await shard.d1.batch(
      enqueueDeliveries(
        shard,
        hooks.map((h) => ({
          branchId: h.branch_id,
          id: newId("delivery"),
          districtId: h.district_id,
          dedupeKey: `digest:${msg.date}`,
          event: "digest",
          payload: JSON.stringify({ ...digests.get(h.branch_id), at: now.toISOString() }),
          status: "pending" as const,
          attempts: 0,
          nextAttemptAt: lease,
          createdAt: now.toISOString(),
        })),
      ),
    );
    const pending = await deliveryIdsByKey(
      shard,
      hooks.map((h) => ({ branchId: h.branch_id, dedupeKey: `digest:${msg.date}` })),
    );
    await sendAll(
      env.WEBHOOK_QUEUE,
      pending
        .filter((d) => d.status === "pending")
        .map((d) => ({
          type: "deliver" as const,
          shard: msg.shard,
          branchId: d.branch_id,
          deliveryId: d.id,
        })),
    );
  }
  if (hooks.length === PAGE)
    await env.AUDIT_QUEUE.send({ ...msg, after: hooks[hooks.length - 1]!.branch_id });
}
