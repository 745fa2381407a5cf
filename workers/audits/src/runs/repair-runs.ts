import { DataPlane } from "@vanguard/db";
import { failRun, unplannedRuns } from "@vanguard/db/audits";
import type { AuditsBindings } from "../env";
import type { PlanMessage } from "../queue/messages";
import { sendAll } from "../queue/send";

/** A planner starts within seconds of its run; one that has not after this never got its message. */
export const REPLAN_AFTER_MS = 30 * 60_000;
/** A run still unplanned after this is given up, so it does not read `queued` forever. */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;

/**
 * The run row is written before its planner messages are sent; if sending failed, nothing would
 * ever plan it. The sweep sends the missing planner messages again (planning is recorded by page,
 * so a late original changes nothing), and fails a run that a day of sweeps could not start.
 */
export async function repairRuns(env: AuditsBindings, now = Date.now()): Promise<number> {
  const plane = new DataPlane(env);
  const runs = await unplannedRuns(plane, new Date(now - REPLAN_AFTER_MS).toISOString());
  for (const run of runs) {
    if (Date.parse(run.createdAt) <= now - GIVE_UP_AFTER_MS) {
      await failRun(plane, run.id, "never planned: its planner messages could not be queued for a day").run();
      continue;
    }
    const missing: PlanMessage[] = [];
    for (let shard = 0; shard < run.shardCount; shard++) {
      if (run.planned.includes(shard)) continue;
      missing.push({
        type: "plan",
        runId: run.id,
        date: run.date,
        shard,
        after: "",
        districtId: run.districtId,
      });
    }
    await sendAll(env.AUDIT_QUEUE, missing);
  }
  return runs.length;
}
