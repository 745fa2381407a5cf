import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * One hash-chained log. `scope_id` names the chain: a branch in a shard, a district (or
 * `platform`) in the directory. `hash` = SHA-256 over the previous hash and this row's content, so
 * altering, removing or reordering any row breaks every later hash.
 */
export function eventLog(name: string) {
  return sqliteTable(
    name,
    {
      scopeId: text("scope_id").notNull(),
      seq: integer("seq").notNull(),
      id: text("id").notNull(),
      districtId: text("district_id").notNull(),
      at: text("at").notNull(),
      actor: text("actor").notNull(),
      actorRole: text("actor_role").notNull(),
      requestId: text("request_id").notNull(),
      action: text("action").notNull(),
      subjectType: text("subject_type").notNull(),
      subjectId: text("subject_id").notNull(),
      before: text("before"),
      after: text("after"),
      prevHash: text("prev_hash").notNull(),
      hash: text("hash").notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.scopeId, t.seq] }),
      index(`${name}_subject_idx`).on(t.scopeId, t.subjectId),
    ],
  );
}

export type EventTable = ReturnType<typeof eventLog>;

/**
 * Replays of POSTs sent with an `Idempotency-Key`. Written in the same batch as the change they
 * describe, so a request either committed with its replay record or not at all. `body` is the
 * response a replay answers with (never the request); records are kept 24 hours.
 */
export function idempotencyLog(name: string) {
  return sqliteTable(
    name,
    {
      principalId: text("principal_id").notNull(),
      key: text("key").notNull(),
      fingerprint: text("fingerprint").notNull(),
      status: integer("status").notNull(),
      body: text("body").notNull(),
      createdAt: text("created_at").notNull(),
    },
    // the hourly purge finds expired records by age
    (t) => [primaryKey({ columns: [t.principalId, t.key] }), index(`${name}_created_idx`).on(t.createdAt)],
  );
}

export type IdempotencyTable = ReturnType<typeof idempotencyLog>;

/**
 * A single-row table used as an assertion inside a batch: `expectChanged` inserts NULL into its
 * NOT NULL column unless the previous statement changed exactly the expected number of rows,
 * which aborts the whole batch. D1 has no interactive transactions; this is how a batch says
 * "only if that update applied".
 */
export function writeGuard(name: string) {
  return sqliteTable(name, {
    id: integer("id").primaryKey(),
    ok: integer("ok").notNull(),
  });
}

/**
 * How many committed writes each district has had in this database. Every write bumps the count of
 * the districts its events name, in the write's own batch, so an answer computed from a district's
 * data (a report an isolate keeps) is current for as long as the counts it was read under are.
 */
export function generationTable(name: string) {
  return sqliteTable(name, {
    districtId: text("district_id").primaryKey(),
    generation: integer("generation").notNull(),
  });
}
