import { and, asc, eq, gt } from "drizzle-orm";
import { events } from "../schema/shard";
import { type ChainedEvent, type ChainVerdict, GENESIS_HASH, verifyRows } from "../write/chain";
import type { TenantContext } from "./context";

export type EventRow = typeof events.$inferSelect;

export function listEvents(
  tc: TenantContext,
  { limit, afterSeq, subjectId }: { limit: number; afterSeq?: number; subjectId?: string },
): Promise<EventRow[]> {
  return tc.shard.db
    .select()
    .from(events)
    .where(
      and(
        eq(events.scopeId, tc.branchId),
        afterSeq !== undefined ? gt(events.seq, afterSeq) : undefined,
        subjectId ? eq(events.subjectId, subjectId) : undefined,
      ),
    )
    .orderBy(asc(events.seq))
    .limit(limit);
}

const PAGE = 1000;

/**
 * Re-derives every hash of the branch's chain from the stored rows, a page at a time. Any edited,
 * inserted, deleted or reordered row breaks it; a cut at the very end shows as a shorter chain
 * whose head no longer matches a head an auditor noted earlier.
 */
export async function verifyBranchChain(tc: TenantContext): Promise<ChainVerdict> {
  let prev = { seq: 0, hash: GENESIS_HASH };
  for (;;) {
    const rows = (await tc.shard.db
      .select()
      .from(events)
      .where(and(eq(events.scopeId, tc.branchId), gt(events.seq, prev.seq)))
      .orderBy(asc(events.seq))
      .limit(PAGE)) as ChainedEvent[];
    const step = await verifyRows(rows, prev);
    if (!step.ok) return { ok: false, length: step.seq, head: step.hash, brokenAt: step.brokenAt };
    prev = { seq: step.seq, hash: step.hash };
    if (rows.length < PAGE) break;
  }
  return { ok: true, length: prev.seq, head: prev.hash };
}
