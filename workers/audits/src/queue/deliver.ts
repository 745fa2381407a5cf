import type { DataPlane } from "@vanguard/db";
import { deliveryWithWebhook, markAttemptFailed, markDelivered } from "@vanguard/db/audits";
import { checkWebhookUrl } from "@vanguard/domain";
import { decryptField, log, personalDataKeys } from "@vanguard/platform";
import { type AuditsBindings, destinationPolicy } from "../env";
import { resultClass } from "../webhooks/delivery-result";
import { standardHeaders } from "../webhooks/sign";
import type { DeliveryMessage } from "./messages";

const TIMEOUT_MS = 10_000;

export function retryDelaySeconds(env: AuditsBindings, attempts: number): number {
  const base = Number(env.WEBHOOK_RETRY_BASE_SECONDS ?? 30) || 30;
  return Math.min(3600, Math.round(base * 2 ** Math.max(0, attempts - 1)));
}

export class DeliveryFailed extends Error {
  constructor(
    readonly delaySeconds: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Sends one outbox row, signed the Standard Webhooks way. The delivery id travels as `webhook-id`
 * (and `X-Vanguard-Delivery`) and never changes, so a receiver that saw it already can ignore a
 * repeat. Redirects are not followed: a 3xx is a failed attempt, since the place it points to was
 * never checked. A failure is recorded (its status class only) and thrown so the queue retries
 * with backoff; the row stays pending until a 2xx, whatever happens to the message.
 */
export async function deliver(env: AuditsBindings, plane: DataPlane, msg: DeliveryMessage): Promise<void> {
  const shard = plane.shard(msg.shard);
  const found = await deliveryWithWebhook(shard, msg.branchId, msg.deliveryId);
  if (!found || found.delivery.status === "delivered") return;
  const { delivery, webhook } = found;
  if (!webhook) return; // the branch removed its webhook; the row stays as a record
  const body = delivery.payload.replace(/^\{/, `{"deliveryId":${JSON.stringify(delivery.id)},`);
  let status: number | null = null;
  let error = "";
  const refused = checkWebhookUrl(webhook.url, destinationPolicy(env));
  if (refused.length) {
    // set while the rules allowed it (or in local development): never sent now
    error = `destination refused: ${refused[0]!.message.en}`;
  } else {
    try {
      const secret = await decryptField(await personalDataKeys(env), webhook.secretEnc);
      const res = await fetch(webhook.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Vanguard-Webhooks/2",
          ...standardHeaders(secret, delivery.id, new Date(), body),
          "x-vanguard-delivery": delivery.id,
          "x-vanguard-event": delivery.event,
        },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = res.status;
      await res.body?.cancel();
      if (res.ok) {
        await markDelivered(shard, delivery, res.status, new Date().toISOString()).run();
        return;
      }
      error = `HTTP ${res.status}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
  }
  const delay = retryDelaySeconds(env, delivery.attempts + 1);
  await markAttemptFailed(shard, delivery, {
    status,
    // what is kept (and shown) is the class; the details go to the operator's log only
    error: resultClass(status),
    nextAttemptAt: new Date(Date.now() + (delay + 60) * 1000).toISOString(),
  }).run();
  log("warn", "webhook delivery failed", {
    deliveryId: delivery.id,
    branchId: delivery.branchId,
    status,
    error,
    attempt: delivery.attempts + 1,
  });
  throw new DeliveryFailed(delay, resultClass(status));
}
