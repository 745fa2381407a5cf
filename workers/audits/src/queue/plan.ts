import type { DataPlane } from "@vanguard/db";
import { branchesOfShard, recordPage } from "@vanguard/db/audits";
import type { AuditsBindings } from "../env";
import { type AuditBatchMessage, PLAN_PAGE, PLAN_PAGES_PER_MESSAGE, type PlanMessage } from "./messages";
import { sendAll } from "./send";

export function batchSize(env: AuditsBindings): number {
  const n = Number(env.AUDIT_BATCH_SIZE ?? 50);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 50;
}

/**
 * Pages one shard's branches out of the directory and enqueues them in batches. A message reads at
 * most PLAN_PAGES_PER_MESSAGE pages, then hands the rest to a continuation message, so no
 * invocation grows with the number of branches. Each page is recorded once (by run, shard and
 * cursor), which is what the run's totals are summed from.
 */
export async function plan(env: AuditsBindings, plane: DataPlane, msg: PlanMessage): Promise<void> {
  const size = batchSize(env);
  let after = msg.after;
  for (let page = 0; page < PLAN_PAGES_PER_MESSAGE; page++) {
    const rows = await branchesOfShard(plane, msg.shard, after, PLAN_PAGE, msg.districtId);
    const batches: AuditBatchMessage[] = [];
    for (let i = 0; i < rows.length; i += size) {
      batches.push({
        type: "audit",
        runId: msg.runId,
        date: msg.date,
        shard: msg.shard,
        branches: rows.slice(i, i + size).map((b) => ({
          id: b.id,
          districtId: b.districtId,
          name: b.name,
          kind: b.kind,
          foundedOn: b.foundedOn,
          recordsFrom: b.recordsFrom,
        })),
      });
    }
    await sendAll(env.AUDIT_QUEUE, batches);
    const last = rows.length < PLAN_PAGE;
    await recordPage(plane, {
      runId: msg.runId,
      shard: msg.shard,
      afterId: after,
      branches: rows.length,
      batches: batches.length,
      last,
      createdAt: new Date().toISOString(),
    }).run();
    if (last) return;
    after = rows[rows.length - 1]!.id;
  }
  await env.AUDIT_QUEUE.send({ ...msg, after });
}
