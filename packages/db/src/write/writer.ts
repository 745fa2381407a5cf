import { and, desc, eq, getTableName, gt } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { newId } from "../ids";
import type { EventTable, IdempotencyTable } from "../schema/events";
import { type ChainedEvent, GENESIS_HASH, hashEvent } from "./chain";
import {
  ConflictError,
  ContentionError,
  IdempotentReplay,
  isGuardFailure,
  StaleError,
  uniqueViolation,
} from "./errors";
import { bumpGenerations } from "./generations";
import type { Sequencer, Turn } from "./sequencer";
import { bulkInsert, rawStatement } from "./sql";

/** Who is writing, for the event log. */
export interface Actor {
  principalId: string;
  role: string;
  requestId: string;
}

export interface IdempotencyClaim {
  principalId: string;
  key: string;
  /** keyed HMAC of method, path and body: the same key with another request is refused */
  fingerprint: string;
}

/**
 * How long a key answers with its first result. After that the record is gone (the audits worker's
 * hourly purge deletes it) or ignored until then: the key acts as new.
 */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;

const retentionCutoff = (now = Date.now()) => new Date(now - IDEMPOTENCY_RETENTION_MS).toISOString();

/** What a write says about itself in the log. `before`/`after` must hold no secrets. */
export interface EventDraft {
  scopeId: string;
  districtId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
}

export interface Planned<T> {
  statements: D1PreparedStatement[];
  events: EventDraft[];
  result: T;
  /** what a replay answers, when the result holds a secret that must not be stored (a new key) */
  replay?: unknown;
}

export interface WriteStore {
  d1: D1Database;
  /** the same database through drizzle: the heads and a plan's reads are asked in one batch */
  db: DrizzleD1Database;
  events: EventTable;
  idempotency: IdempotencyTable;
  /** the table that remembers each scope's last activity by a person, where the store has one */
  activity?: string;
  /** tables of per-scope aggregates that any write to the scope makes stale (the shard's rollups) */
  rollups?: string[];
  /** the store counts each district's writes (write/generations.ts) */
  generations?: boolean;
  /** where writers that collide on a chain take turns; without one they only back off and retry */
  sequencer?: Sequencer;
}

/** The actor of writes the platform makes on its own (audit findings, reminders). */
export const SYSTEM_ROLE = "system";

export interface WriteOptions {
  actor: Actor;
  /** the chains this write appends to; their heads are read before planning */
  scopes: string[];
  idempotency?: IdempotencyClaim;
  /** the HTTP status a replay answers with */
  status?: number;
  maxAttempts?: number;
  /**
   * What the plan reads, asked in the round trip that reads the chains' heads: one batch, so one
   * snapshot with them, and a plan that needs nothing else makes the write two round trips. Built
   * afresh for each try; the plan gets the results in order.
   */
  reads?: () => PlanReads;
}

/** Drizzle selects a plan reads before it decides (a raw `db.all(sql)` with parameters cannot join a D1 batch). */
export type PlanReads = readonly BatchItem<"sqlite">[];

export interface Head {
  seq: number;
  hash: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Exponential backoff with full jitter, capped: writers that collided spread out instead of
 * colliding again, so a burst on one branch drains in order rather than failing.
 */
function backoff(attempt: number): number {
  return 1 + Math.floor(Math.random() * Math.min(250, 4 * 2 ** attempt));
}

type ReplayRow = { status: number; body: string; fingerprint: string };

// drizzle builders, not raw SQL: a raw query with parameters cannot join a drizzle batch on D1
function replayQuery(store: WriteStore, claim: IdempotencyClaim) {
  const t = store.idempotency;
  return store.db
    .select({ status: t.status, body: t.body, fingerprint: t.fingerprint })
    .from(t)
    .where(
      and(eq(t.principalId, claim.principalId), eq(t.key, claim.key), gt(t.createdAt, retentionCutoff())),
    );
}

function headQuery(store: WriteStore, scopeId: string) {
  const t = store.events;
  return store.db
    .select({ seq: t.seq, hash: t.hash })
    .from(t)
    .where(eq(t.scopeId, scopeId))
    .orderBy(desc(t.seq))
    .limit(1);
}

function replayOf(row: ReplayRow | undefined, claim: IdempotencyClaim) {
  return row ? new IdempotentReplay(row.status, row.body, row.fingerprint === claim.fingerprint) : null;
}

/**
 * The heads of the chains a write extends, whether its Idempotency-Key was already used (when
 * asked) and what its plan reads (when it says): one round trip, one snapshot.
 */
async function readHeads(
  store: WriteStore,
  scopes: string[],
  claim: IdempotencyClaim | undefined,
  reads: PlanReads,
): Promise<{ heads: Map<string, Head>; replay: IdempotentReplay | null; read: unknown[] }> {
  const items: BatchItem<"sqlite">[] = [
    ...scopes.map((s) => headQuery(store, s)),
    ...(claim ? [replayQuery(store, claim)] : []),
    ...reads,
  ];
  const results = (
    items.length === 1 ? [await items[0]!] : await store.db.batch(items as [BatchItem<"sqlite">])
  ) as unknown[][];
  const heads = new Map<string, Head>();
  scopes.forEach((s, i) => {
    const row = results[i]?.[0] as Head | undefined;
    heads.set(s, row ? { seq: row.seq, hash: row.hash } : { seq: 0, hash: GENESIS_HASH });
  });
  const replay = claim ? replayOf(results[scopes.length]?.[0] as ReplayRow | undefined, claim) : null;
  return { heads, replay, read: results.slice(scopes.length + (claim ? 1 : 0)) };
}

export async function chainEvents(
  drafts: EventDraft[],
  heads: Map<string, Head>,
  actor: Actor,
): Promise<ChainedEvent[]> {
  const at = new Date().toISOString();
  const tips = new Map(heads);
  const out: ChainedEvent[] = [];
  for (const d of drafts) {
    const tip = tips.get(d.scopeId);
    if (!tip) throw new Error(`event for undeclared scope ${d.scopeId}`);
    const row = {
      scopeId: d.scopeId,
      seq: tip.seq + 1,
      id: newId("event"),
      districtId: d.districtId,
      at,
      actor: actor.principalId,
      actorRole: actor.role,
      requestId: actor.requestId,
      action: d.action,
      subjectType: d.subjectType,
      subjectId: d.subjectId,
      before: d.before === undefined ? null : JSON.stringify(d.before),
      after: d.after === undefined ? null : JSON.stringify(d.after),
      prevHash: tip.hash,
    };
    const hash = await hashEvent(row);
    out.push({ ...row, hash });
    tips.set(d.scopeId, { seq: row.seq, hash });
  }
  return out;
}

export async function findReplay(
  store: WriteStore,
  claim: IdempotencyClaim,
): Promise<IdempotentReplay | null> {
  const [row] = await replayQuery(store, claim);
  return replayOf(row, claim);
}

/** A plan's reads on their own, when a turn brought the head (the commit checks it still is). */
async function readOnly(store: WriteStore, reads: PlanReads): Promise<unknown[]> {
  return (await store.db.batch(reads as [BatchItem<"sqlite">])) as unknown[];
}

/**
 * Scopes this isolate saw contended a moment ago: a writer to one of them takes its turn at once
 * rather than first losing a race it is likely to lose.
 */
const hot = new Map<string, number>();
const HOT_MS = 2_000;

/**
 * The head each chain had after the last write this isolate committed to it, and how many writes
 * to it are under way here. A write that reads nothing before it plans (and has no Idempotency-Key)
 * starts from the remembered head when it is alone on the chain in this isolate: one round trip, the head checked in
 * the batch like a handed one. A write made elsewhere in between fails that check; the writer then
 * reads the head and tries again, so a stale memory costs a round trip and never a wrong link.
 */
const remembered = new Map<string, { head: Head; until: number }>();
const REMEMBERED_MAX = 4096;
/** Past this, another isolate has more likely written since: the head is read, not guessed. */
const REMEMBERED_MS = 10_000;
const underWay = new Map<string, number>();

const chainKey = (store: WriteStore, scope: string) => `${getTableName(store.events)}\u0000${scope}`;

function remember(key: string, head: Head) {
  remembered.delete(key);
  remembered.set(key, { head, until: Date.now() + REMEMBERED_MS });
  // the oldest goes first: a Map iterates in insertion order
  if (remembered.size > REMEMBERED_MAX) remembered.delete(remembered.keys().next().value!);
}

function rememberedHead(store: WriteStore, options: WriteOptions): Map<string, Head> | null {
  const scope = options.scopes[0];
  // a write with an Idempotency-Key reads the key first anyway (a retry's plan could refuse what
  // its first try wrote), and the head in the same round trip
  if (!scope || options.scopes.length !== 1 || options.reads || options.idempotency) return null;
  const key = chainKey(store, scope);
  if ((underWay.get(key) ?? 0) !== 1 || (hot.get(scope) ?? 0) > Date.now()) return null;
  const kept = remembered.get(key);
  return kept && kept.until > Date.now() ? new Map([[scope, kept.head]]) : null;
}

/**
 * The one way tenant data changes. Reads the heads of the chains it will extend (with what the
 * write's `reads` ask, in the same batch), lets `plan` read anything else it needs and decide, then commits the plan's statements, its chained events and the
 * idempotency record in one D1 batch (a transaction). Every write extends a chain, so the
 * `(scope_id, seq)` key serialises writers per branch: if anyone wrote in between, the batch fails
 * on that key and the whole plan is re-run against fresh data. A plan must therefore be pure apart
 * from its reads; it may throw to refuse the write.
 *
 * A writer that loses that race (or writes to a scope this isolate just saw contended) waits for its
 * turn at the store's sequencer and retries holding it, so a busy branch drains writer by writer
 * instead of every loser re-planning against every other. The turn brings the head the previous
 * writer left, so a writer in line skips reading it: the time a turn is held is the plan and the
 * commit. A write that reads nothing first may also start from the head this isolate's last write
 * to the chain left, checked the same way (docs/architecture.md, "Writes under load").
 */
export async function commitWrite<T>(
  store: WriteStore,
  options: WriteOptions,
  plan: (heads: Map<string, Head>, read: unknown[]) => Promise<Planned<T>>,
): Promise<T> {
  const scope = options.scopes[0];
  const turn: { asked: boolean; held: Turn | null; head: Head | null } = {
    asked: false,
    held: null,
    head: null,
  };
  const takeTurn = async () => {
    turn.asked = true;
    if (store.sequencer && scope) turn.held = await store.sequencer.turn(scope);
    turn.head = turn.held?.head ?? null;
    // a wait in line keeps the scope hot: while writers queue, none first loses a race (without
    // this, every HOT_MS the isolate forgot and all its writers raced at once, all but one in vain)
    if (scope && turn.held?.contended) hot.set(scope, Date.now() + HOT_MS);
    // a turn granted at once to the only writer of the chain here: the collision is over, and
    // the next writer goes without asking for a turn (a rare collision used to keep the chain
    // hot, and every write to it paying the sequencer, for HOT_MS)
    else if (scope && turn.held && (underWay.get(chainKey(store, scope)) ?? 0) <= 1) hot.delete(scope);
  };
  // the head a turn brought serves its first try only, and only a write to that one chain
  const handedHeads = () => {
    const head = turn.head;
    turn.head = null;
    return head && scope && options.scopes.length === 1 ? new Map([[scope, head]]) : null;
  };
  let after: Head | undefined;
  const keys = options.scopes.map((s) => chainKey(store, s));
  for (const k of keys) underWay.set(k, (underWay.get(k) ?? 0) + 1);
  try {
    if (scope && (hot.get(scope) ?? 0) > Date.now()) {
      // a retried request is answered before it waits in line (its first try will not read the key)
      if (options.idempotency) {
        const replay = await findReplay(store, options.idempotency);
        if (replay) throw replay;
      }
      await takeTurn();
    }
    const done = await attempt(store, options, plan, handedHeads, async (n) => {
      if (scope) hot.set(scope, Date.now() + HOT_MS);
      if (!turn.asked) await takeTurn();
      // holding the turn, only writers on their first try can still get in between: retry at once
      if (!turn.held) await sleep(backoff(n));
    });
    after = done.head;
    for (const [s, head] of done.heads) remember(chainKey(store, s), head);
    return done.result;
  } finally {
    for (const k of keys) {
      const n = (underWay.get(k) ?? 1) - 1;
      if (n > 0) underWay.set(k, n);
      else underWay.delete(k);
    }
    await turn.held?.release(after).catch(() => undefined);
  }
}

/** Fails the batch (a guard failure) unless `head` is the scope's last entry. */
function headGuard(store: WriteStore, scopeId: string, head: Head): D1PreparedStatement {
  const table = getTableName(store.events);
  return rawStatement(
    store.d1,
    `INSERT OR REPLACE INTO write_guard (id, ok) VALUES (1, CASE WHEN
       (SELECT hash FROM "${table}" WHERE scope_id = ?1 ORDER BY seq DESC LIMIT 1) IS ?2 THEN 1 END)`,
    [scopeId, head.seq === 0 ? null : head.hash],
  );
}

/** A committed write's result, the head it left on its first chain, and on every chain it extended. */
interface Committed<T> {
  result: T;
  head: Head | undefined;
  heads: Map<string, Head>;
}

async function attempt<T>(
  store: WriteStore,
  options: WriteOptions,
  plan: (heads: Map<string, Head>, read: unknown[]) => Promise<Planned<T>>,
  handedHeads: () => Map<string, Head> | null,
  lostRace: (attempt: number) => Promise<void>,
): Promise<Committed<T>> {
  const maxAttempts = options.maxAttempts ?? 30;
  const eventsName = getTableName(store.events);
  for (let attempt = 1; ; attempt++) {
    // a retried request is answered before anything is planned; after a lost race the key is
    // checked where the race was lost (below)
    const fromTurn = handedHeads();
    const fromMemory = fromTurn || attempt > 1 ? null : rememberedHead(store, options);
    const handed = fromTurn ?? fromMemory;
    const reads = options.reads?.() ?? [];
    const { heads, replay, read } = handed
      ? { heads: handed, replay: null, read: reads.length ? await readOnly(store, reads) : [] }
      : await readHeads(store, options.scopes, attempt === 1 ? options.idempotency : undefined, reads);
    if (replay) throw replay;
    const planned = await plan(heads, read);
    const chained = await chainEvents(planned.events, heads, options.actor);
    // the chain goes first: if anyone wrote to these scopes since the heads were read, the batch fails
    // on the chain's key before any of the plan's statements (a guarded update, a unique key) can
    // fail for a reason that is only a consequence of that race
    const batch = [
      // a handed head is checked where it is used: the entry it names must be the chain's last
      ...(handed ? [...handed].map(([scopeId, head]) => headGuard(store, scopeId, head)) : []),
      ...bulkInsert(store.d1, store.events, chained),
      ...planned.statements,
    ];
    if (store.activity && options.actor.role !== SYSTEM_ROLE && chained.length) {
      const latest = new Map(chained.map((e) => [e.scopeId, e]));
      batch.push(
        rawStatement(
          store.d1,
          `INSERT INTO "${store.activity}" (scope_id, last_at, last_action)
             SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(?) WHERE true
           ON CONFLICT(scope_id) DO UPDATE SET last_at = excluded.last_at, last_action = excluded.last_action`,
          [JSON.stringify([...latest.values()].map((e) => [e.scopeId, e.at, e.action]))],
        ),
      );
    }
    // the scopes' rollups go in the same transaction as the change: a rollup that exists is current
    if (store.rollups && chained.length) {
      const scopes = JSON.stringify([...new Set(chained.map((e) => e.scopeId))]);
      for (const table of store.rollups)
        batch.push(
          rawStatement(
            store.d1,
            `DELETE FROM "${table}" WHERE branch_id IN (SELECT value FROM json_each(?))`,
            [scopes],
          ),
        );
    }
    // the districts' write counts go up in the same transaction: an answer kept under the old counts
    // is known stale from the moment this write is visible (write/generations.ts)
    if (store.generations && chained.length)
      batch.push(
        bumpGenerations(
          store.d1,
          chained.map((e) => e.districtId),
        ),
      );
    if (options.idempotency) {
      const claim = options.idempotency;
      const table = getTableName(store.idempotency);
      batch.push(
        // an expired record of this key, not purged yet, makes way: the key acts as new
        rawStatement(
          store.d1,
          `DELETE FROM "${table}" WHERE principal_id = ? AND key = ? AND created_at <= ?`,
          [claim.principalId, claim.key, retentionCutoff()],
        ),
        rawStatement(
          store.d1,
          `INSERT INTO "${table}" (principal_id, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
          [
            claim.principalId,
            claim.key,
            claim.fingerprint,
            options.status ?? 200,
            JSON.stringify(planned.replay ?? planned.result ?? null),
            new Date().toISOString(),
          ],
        ),
      );
    }
    // the heads this write leaves: its last entry on each chain it extends
    const tips = new Map<string, Head>(chained.map((e) => [e.scopeId, { seq: e.seq, hash: e.hash }]));
    const first = options.scopes[0];
    const committed = {
      result: planned.result,
      head: first ? (tips.get(first) ?? heads.get(first)) : undefined,
      heads: tips,
    };
    if (batch.length === 0) return committed;
    try {
      await store.d1.batch(batch);
      return committed;
    } catch (err) {
      const guard = isGuardFailure(err);
      const constraint = guard ? null : uniqueViolation(err);
      if (!guard && !constraint) throw err;
      // the remembered head was not the chain's last (a write elsewhere): read it and go again
      if (guard && fromMemory) {
        remembered.delete(chainKey(store, options.scopes[0]!));
        continue;
      }
      // with a handed head, a guard that failed may be the head's own: read the head and try again
      if (constraint?.startsWith(`${eventsName}.`) || (guard && handed)) {
        // someone wrote first; a concurrent twin with the same Idempotency-Key may be that someone
        if (options.idempotency) {
          const replay = await findReplay(store, options.idempotency);
          if (replay) throw replay;
        }
        if (attempt >= maxAttempts) throw new ContentionError();
        await lostRace(attempt);
        continue;
      }
      if (guard || !constraint) throw new StaleError();
      if (options.idempotency && constraint.startsWith(`${getTableName(store.idempotency)}.`)) {
        const replay = await findReplay(store, options.idempotency);
        if (replay) throw replay;
      }
      throw new ConflictError(constraint);
    }
  }
}
