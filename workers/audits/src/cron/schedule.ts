import { DataPlane } from "@vanguard/db";
import { todayIn } from "@vanguard/domain";
import type { AuditsBindings } from "../env";
import { enqueuePurges } from "../queue/purge";
import { sendAll } from "../queue/send";
import { sweepDeliveries } from "../queue/sweep";
import { repairRuns } from "../runs/repair-runs";
import { startRun } from "../runs/start-run";

/** 02:00 and 08:00 in Beijing; crons run in UTC. */
export const CRONS = {
  audit: "0 18 * * *",
  digest: "0 0 * * *",
  sweep: "*/10 * * * *",
  purge: "30 * * * *",
} as const;

/** Runs the cron's work, thinly: a run row and planner messages, digest messages, or a sweep (undelivered webhooks, runs nobody planned). */
export async function onCron(env: AuditsBindings, cron: string, scheduledTime: number): Promise<void> {
  const date = todayIn("Asia/Shanghai", new Date(scheduledTime));
  if (cron === CRONS.audit) {
    await startRun(env, { date, trigger: "cron", createdBy: "system:cron" });
  } else if (cron === CRONS.digest) {
    const shards = new DataPlane(env).shardCount;
    await sendAll(
      env.AUDIT_QUEUE,
      Array.from({ length: shards }, (_, shard) => ({ type: "digest" as const, date, shard, after: "" })),
    );
  } else if (cron === CRONS.sweep) {
    await sweepDeliveries(env);
    await repairRuns(env);
  } else if (cron === CRONS.purge) {
    await enqueuePurges(env);
  }
}
