import { createModuleApp, internalContext, ProblemError } from "@vanguard/platform";
import { onCron } from "./cron/schedule";
import { digestRouter } from "./digest/digest.index";
import type { AuditsBindings } from "./env";
import { findingsRouter } from "./findings/findings.index";
import { consume } from "./queue/consumer";
import type { AuditMessage, DeliveryMessage } from "./queue/messages";
import { runsRouter } from "./runs/runs.index";
import { webhooksRouter } from "./webhooks/webhooks.index";

const app = createModuleApp<AuditsBindings>({ service: "audits" });
for (const r of [findingsRouter, runsRouter, webhooksRouter, digestRouter]) app.route("/", r);

/**
 * Locally, wrangler's `/__scheduled` endpoint reaches the api worker (the first config), which
 * hands the cron here with a signed system context; in production the crons fire on this worker.
 */
app.post("/internal/scheduled", async (c) => {
  if (internalContext(c).principal.id !== "system:scheduler") throw new ProblemError("internal_only");
  const { cron, scheduledTime } = await c.req.json<{ cron: string; scheduledTime: number }>();
  await onCron(c.env, cron, scheduledTime);
  return c.json({ ok: true, cron });
});

export default {
  fetch: app.fetch,
  scheduled(controller: ScheduledController, env: AuditsBindings, ctx: ExecutionContext) {
    ctx.waitUntil(onCron(env, controller.cron, controller.scheduledTime));
  },
  queue(batch: MessageBatch<AuditMessage | DeliveryMessage>, env: AuditsBindings) {
    return consume(batch, env);
  },
} satisfies ExportedHandler<AuditsBindings, AuditMessage | DeliveryMessage>;

/**
 * The chains' sequencer class, so this worker's own tests can run it in place of the api worker's
 * (in a deployment the binding names the api worker's, by script_name).
 */
export { BranchSequencer } from "@vanguard/db/sequencer";
