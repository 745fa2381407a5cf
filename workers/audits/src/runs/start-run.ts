import { DataPlane, newId } from "@vanguard/db";
import { insertRun } from "@vanguard/db/audits";
import type { AuditsBindings } from "../env";
import { sendAll } from "../queue/send";

/**
 * Starts a run: one row in the directory and one planner message per shard. Nothing else happens
 * here, so the cron invocation stays tiny however many branches there are.
 */
export async function startRun(
  env: AuditsBindings,
  opts: { date: string; trigger: "cron" | "manual"; createdBy: string; districtId?: string | null },
): Promise<{ id: string; shardCount: number }> {
  const plane = new DataPlane(env);
  const id = newId("run");
  const shardCount = plane.shardCount;
  await insertRun(plane, {
    id,
    date: opts.date,
    trigger: opts.trigger,
    shardCount,
    districtId: opts.districtId ?? null,
    createdAt: new Date().toISOString(),
    createdBy: opts.createdBy,
  }).run();
  await sendAll(
    env.AUDIT_QUEUE,
    Array.from({ length: shardCount }, (_, shard) => ({
      type: "plan" as const,
      runId: id,
      date: opts.date,
      shard,
      after: "",
      districtId: opts.districtId ?? null,
    })),
  );
  return { id, shardCount };
}
