import { and, asc, eq, gt } from "drizzle-orm";
import { events } from "../schema/shard";
import { type ChainedEvent, type ChainVerdict, GENESIS_HASH, verifyRows } from "../write/chain";
import type { BranchSetContext, TenantContext } from "./context";

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
 * inserted, deleted or reordered row breaks it. Given the head an audit witnessed, it also catches
 * what leaves a chain consistent in itself: a cut at the end (the witnessed row is gone) and a
 * rewrite with recomputed hashes (the witnessed row carries another hash).
 */
export async function verifyBranchChain(
  tc: TenantContext,
  anchor?: { seq: number; hash: string; anchoredAt: string },
): Promise<ChainVerdict> {
  let prev = { seq: 0, hash: GENESIS_HASH };
  let atAnchor: string | null = null;
  let broken: ChainVerdict | null = null;
  for (;;) {
    const rows = (await tc.shard.db
      .select()
      .from(events)
      .where(and(eq(events.scopeId, tc.branchId), gt(events.seq, prev.seq)))
      .orderBy(asc(events.seq))
      .limit(PAGE)) as ChainedEvent[];
    if (anchor) atAnchor = rows.find((r) => r.seq === anchor.seq)?.hash ?? atAnchor;
    const step = await verifyRows(rows, prev);
    if (!step.ok) {
      broken = { ok: false, length: step.seq, head: step.hash, brokenAt: step.brokenAt };
      break;
    }
    prev = { seq: step.seq, hash: step.hash };
    if (rows.length < PAGE) break;
  }
  const verdict = broken ?? { ok: true, length: prev.seq, head: prev.hash };
  if (!anchor) return verdict;
  const holds = atAnchor === anchor.hash;
  const witnessed = { ...anchor, holds };
  if (holds || broken) return { ...verdict, anchor: witnessed };
  // consistent in itself, but not the chain that was witnessed
  const brokenAt = verdict.length < anchor.seq ? verdict.length + 1 : anchor.seq;
  return { ...verdict, ok: false, brokenAt, anchor: witnessed };
}

export interface ChainProbe {
  /** the chain's length (its head's seq; 0 when empty) */
  length: number;
  headHash: string | null;
  /** the hash the chain now holds at the asked seq, null when that row is gone */
  hashAt: string | null;
}

/**
 * For each branch of the set, its chain's head and the hash it holds at one asked seq (the seq an
 * earlier audit witnessed): one statement for the whole set, by the events' primary key.
 */
export async function probeChains(
  set: BranchSetContext,
  asked: Map<string, number>,
): Promise<Map<string, ChainProbe>> {
  const pairs = set.branches.map((b) => [b.branchId, asked.get(b.branchId) ?? 0]);
  const { results } = await set.shard.d1
    .prepare(
      `SELECT json_extract(p.value, '$[0]') AS scopeId,
              h.seq AS length, h.hash AS headHash,
              (SELECT e.hash FROM events e
                WHERE e.scope_id = json_extract(p.value, '$[0]') AND e.seq = json_extract(p.value, '$[1]')) AS hashAt
         FROM json_each(?) p
         LEFT JOIN events h ON h.scope_id = json_extract(p.value, '$[0]')
          AND h.seq = (SELECT max(seq) FROM events WHERE scope_id = json_extract(p.value, '$[0]'))`,
    )
    .bind(JSON.stringify(pairs))
    .all<{ scopeId: string; length: number | null; headHash: string | null; hashAt: string | null }>();
  return new Map(
    results.map((r) => [r.scopeId, { length: r.length ?? 0, headHash: r.headHash, hashAt: r.hashAt }]),
  );
}
