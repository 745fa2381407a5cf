import { and, asc, desc, eq, gt, gte } from "drizzle-orm";
import { events } from "../schema/shard";
import { type ChainedEvent, type ChainVerdict, GENESIS_HASH, hashEvent, verifyRows } from "../write/chain";
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

type Anchor = { seq: number; hash: string; anchoredAt: string };

function rowsFrom(tc: TenantContext, fromSeq: number, limit: number): Promise<ChainedEvent[]> {
  return tc.shard.db
    .select()
    .from(events)
    .where(and(eq(events.scopeId, tc.branchId), gte(events.seq, fromSeq)))
    .orderBy(asc(events.seq))
    .limit(limit) as Promise<ChainedEvent[]>;
}

async function headOf(tc: TenantContext): Promise<{ seq: number; hash: string }> {
  const row = await tc.shard.db
    .select({ seq: events.seq, hash: events.hash })
    .from(events)
    .where(eq(events.scopeId, tc.branchId))
    .orderBy(desc(events.seq))
    .limit(1)
    .get();
  return row ?? { seq: 0, hash: GENESIS_HASH };
}

/** Re-hashes rows after `prev`, a page at a time, to the end of the chain or its first broken row. */
async function walk(
  tc: TenantContext,
  prev: { seq: number; hash: string },
): Promise<{ ok: boolean; seq: number; hash: string; brokenAt?: number }> {
  for (;;) {
    const rows = await rowsFrom(tc, prev.seq + 1, PAGE);
    const step = await verifyRows(rows, prev);
    if (!step.ok) return step;
    prev = { seq: step.seq, hash: step.hash };
    if (rows.length < PAGE) return { ok: true, ...prev };
  }
}

/** What a chain consistent in itself means against its witness: still holding it, or cut or rewritten. */
function againstAnchor(verdict: ChainVerdict, anchor: Anchor, atAnchor: string | null): ChainVerdict {
  const holds = atAnchor === anchor.hash;
  const witnessed = { ...anchor, holds };
  if (holds || !verdict.ok) return { ...verdict, anchor: witnessed };
  const brokenAt = verdict.length < anchor.seq ? verdict.length + 1 : anchor.seq;
  return {
    ...verdict,
    ok: false,
    length: Math.min(verdict.length, brokenAt - 1),
    brokenAt,
    anchor: witnessed,
  };
}

/**
 * Checks the branch's chain. With a witnessed head (the daily audit's anchor, kept outside the
 * shard), only the witnessed row and what came after it are re-hashed: the work is the events since
 * the last audit, whatever the chain's age. That catches any change after the witness, a cut
 * through it and a rewrite with recomputed hashes (the witnessed row then carries another hash); an
 * in-place edit of an older row that leaves its hash alone is found by the full walk
 * (`verifyChainPage`). Without a witness the whole chain is walked from the start.
 */
export async function verifyBranchChain(tc: TenantContext, anchor?: Anchor): Promise<ChainVerdict> {
  if (!anchor) {
    const w = await walk(tc, { seq: 0, hash: GENESIS_HASH });
    return w.ok
      ? { ok: true, length: w.seq, head: w.hash, verifiedFrom: 1 }
      : { ok: false, length: w.seq, head: w.hash, brokenAt: w.brokenAt, verifiedFrom: 1 };
  }
  const [witnessed] = await rowsFrom(tc, anchor.seq, 1);
  const base = { verifiedFrom: anchor.seq };
  if (!witnessed || witnessed.seq !== anchor.seq || witnessed.hash !== anchor.hash) {
    // the witnessed row is gone, or carries another hash: the chain was cut or rewritten behind it
    const head = witnessed ? { seq: anchor.seq - 1, hash: witnessed.prevHash } : await headOf(tc);
    const length = Math.min(head.seq, anchor.seq - 1);
    return {
      ...base,
      ok: false,
      length,
      head: head.hash,
      brokenAt: length + 1,
      anchor: { ...anchor, holds: false },
    };
  }
  const holding = { ...anchor, holds: true };
  if ((await hashEvent(witnessed)) !== anchor.hash) {
    return {
      ...base,
      ok: false,
      length: anchor.seq - 1,
      head: witnessed.prevHash,
      brokenAt: anchor.seq,
      anchor: holding,
    };
  }
  const w = await walk(tc, { seq: anchor.seq, hash: anchor.hash });
  return w.ok
    ? { ...base, ok: true, length: w.seq, head: w.hash, anchor: holding }
    : { ...base, ok: false, length: w.seq, head: w.hash, brokenAt: w.brokenAt, anchor: holding };
}

/**
 * One page of a full walk: `limit` rows after `from` (the last row the previous page verified, or the
 * genesis link). The last page also checks the chain against its witness.
 */
export async function verifyChainPage(
  tc: TenantContext,
  from: { seq: number; hash: string },
  limit: number,
  anchor?: Anchor,
): Promise<{ verdict: ChainVerdict; next: { seq: number; hash: string } | null }> {
  const rows = await rowsFrom(tc, from.seq + 1, limit + 1);
  const page = rows.slice(0, limit);
  const step = await verifyRows(page, from);
  const base = { verifiedFrom: from.seq + 1, length: step.seq, head: step.hash };
  if (!step.ok) return { verdict: { ...base, ok: false, brokenAt: step.brokenAt }, next: null };
  // the witnessed row, when this page walked through it, must still carry the witnessed hash
  const atAnchor = anchor ? (page.find((r) => r.seq === anchor.seq)?.hash ?? null) : null;
  if (anchor && atAnchor !== null && atAnchor !== anchor.hash) {
    return { verdict: againstAnchor({ ...base, ok: true }, anchor, atAnchor), next: null };
  }
  if (rows.length > limit)
    return { verdict: { ...base, ok: true }, next: { seq: step.seq, hash: step.hash } };
  if (!anchor) return { verdict: { ...base, ok: true }, next: null };
  // last page: a witnessed row walked on an earlier page held (or that page would have stopped)
  const held = atAnchor ?? (anchor.seq <= step.seq ? anchor.hash : null);
  return { verdict: againstAnchor({ ...base, ok: true }, anchor, held), next: null };
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
