import { DataPlane } from "@vanguard/db";
import { failRun } from "@vanguard/db/audits";
import { log } from "@vanguard/platform";
import type { AuditsBindings } from "../env";
import { auditBatch } from "./audit-batch";
import { DeliveryFailed, deliver } from "./deliver";
import { digestPage } from "./digest";
import type { AuditMessage, DeliveryMessage } from "./messages";
import { plan } from "./plan";
import { purgePage } from "./purge";

export const AUDIT_QUEUE = "vanguard-audits";
export const WEBHOOK_QUEUE = "vanguard-webhooks";
export const DEAD_LETTER_QUEUE = "vanguard-audits-dlq";

type Message = AuditMessage | DeliveryMessage;

async function handle(env: AuditsBindings, body: Message): Promise<void> {
  const plane = new DataPlane(env);
  switch (body.type) {
    case "plan":
      return plan(env, plane, body);
    case "audit":
      return auditBatch(env, plane, body);
    case "digest":
      return digestPage(env, plane, body);
    case "deliver":
      return deliver(env, plane, body);
    case "purge":
      return purgePage(env, plane, body);
  }
}

/** Dead letters: a batch that kept failing marks its run failed; a delivery stays in the outbox for the sweeper. */
async function deadLetter(env: AuditsBindings, body: Message): Promise<void> {
  log("error", "dead letter", { body });
  if (body.type === "plan" || body.type === "audit") {
    await failRun(
      new DataPlane(env),
      body.runId,
      `${body.type} message for shard ${body.shard} exhausted its retries`,
    ).run();
  }
}

/**
 * One consumer for the three queues. Each message is acked on success and retried with
 * exponential backoff on failure; the queues' max_retries send what keeps failing to the DLQ.
 */
export async function consume(batch: MessageBatch<Message>, env: AuditsBindings): Promise<void> {
  for (const msg of batch.messages) {
    try {
      if (batch.queue.startsWith(DEAD_LETTER_QUEUE)) await deadLetter(env, msg.body);
      else await handle(env, msg.body);
      msg.ack();
    } catch (err) {
      const delaySeconds =
        err instanceof DeliveryFailed ? err.delaySeconds : Math.min(300, 5 * 2 ** (msg.attempts - 1));
      log("warn", "queue message failed", {
        queue: batch.queue,
        type: msg.body.type,
        attempts: msg.attempts,
        error: String(err),
      });
      msg.retry({ delaySeconds });
    }
  }
}
