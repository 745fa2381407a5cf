/** The genesis link of every chain. */
export const GENESIS_HASH = "0".repeat(64);

export interface ChainedEvent {
  scopeId: string;
  seq: number;
  id: string;
  districtId: string;
  at: string;
  actor: string;
  actorRole: string;
  requestId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: string | null;
  after: string | null;
  prevHash: string;
  hash: string;
}

export type UnhashedEvent = Omit<ChainedEvent, "hash">;

const encoder = new TextEncoder();

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", encoder.encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Everything a row says, in a fixed order, including the link to its predecessor. */
export function eventContent(e: UnhashedEvent): string {
  return JSON.stringify([
    e.prevHash,
    e.scopeId,
    e.seq,
    e.id,
    e.districtId,
    e.at,
    e.actor,
    e.actorRole,
    e.requestId,
    e.action,
    e.subjectType,
    e.subjectId,
    e.before,
    e.after,
  ]);
}

export async function hashEvent(e: UnhashedEvent): Promise<string> {
  return sha256Hex(eventContent(e));
}

export interface ChainVerdict {
  ok: boolean;
  /** the seq the chain holds good up to (the row before the first broken one) */
  length: number;
  head: string;
  /** the first row whose link or content does not match, when not ok */
  brokenAt?: number;
  /** the first row this check re-hashed: 1 for a walk from the start, the witnessed row otherwise */
  verifiedFrom: number;
  /** the head the daily audit last witnessed, and whether the chain still holds it */
  anchor?: { seq: number; hash: string; anchoredAt: string; holds: boolean };
  /** a full verify in pages: where the next page continues, null on the last */
  nextCursor?: string | null;
}

/**
 * Walks rows in sequence order, continuing from `prev` (so a long chain can be checked page by page).
 * A gap in `seq`, a wrong `prevHash` or a hash that does not match the content all break the chain.
 */
export async function verifyRows(
  rows: readonly ChainedEvent[],
  prev: { seq: number; hash: string },
): Promise<{ ok: boolean; seq: number; hash: string; brokenAt?: number }> {
  let { seq, hash } = prev;
  for (const row of rows) {
    if (row.seq !== seq + 1 || row.prevHash !== hash || (await hashEvent(row)) !== row.hash) {
      return { ok: false, seq, hash, brokenAt: row.seq };
    }
    seq = row.seq;
    hash = row.hash;
  }
  return { ok: true, seq, hash };
}
