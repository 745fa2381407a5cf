/**
 * Counts the D1 statements a request runs, the round trips they took and the rows they read, so
 * benchmarks can prove a route issues a constant number of queries whatever the data size. The
 * wrapper is transparent: batches receive the runtime's own statements back.
 */
export interface QueryCounter {
  /** statements run, each statement of a batch counted */
  queries: number;
  /**
   * round trips waited one after another: a batch is one however many statements it holds, and
   * calls made side by side (to the directory and a shard at once) are one wait, not two
   */
  roundTrips: number;
  rowsRead: number;
}

const inner = new WeakMap<object, D1PreparedStatement>();

/** Per counter, how deep the chain of calls that had ended was when the last one ended. */
const ended = new WeakMap<QueryCounter, number>();

/**
 * Runs one call to D1, counting it as a round trip after every call that had ended before it
 * started: calls in a row count one each, calls side by side count once (the longest chain of
 * waits, which is what a request's latency is made of).
 */
async function roundTrip<T>(counter: QueryCounter, call: () => Promise<T>): Promise<T> {
  const depth = (ended.get(counter) ?? 0) + 1;
  counter.roundTrips = Math.max(counter.roundTrips, depth);
  try {
    return await call();
  } finally {
    ended.set(counter, Math.max(ended.get(counter) ?? 0, depth));
  }
}

function addMeta(counter: QueryCounter, result: unknown): void {
  const meta = (result as { meta?: { rows_read?: number } } | null)?.meta;
  if (meta && typeof meta.rows_read === "number") counter.rowsRead += meta.rows_read;
}

function wrapStatement(stmt: D1PreparedStatement, counter: QueryCounter): D1PreparedStatement {
  const wrapped = {
    bind: (...values: unknown[]) => wrapStatement(stmt.bind(...values), counter),
    first: async (col?: string) => {
      counter.queries += 1;
      const row = await roundTrip(counter, () => (col === undefined ? stmt.first() : stmt.first(col)));
      if (row !== null) counter.rowsRead += 1;
      return row;
    },
    all: async () => {
      counter.queries += 1;
      const res = await roundTrip(counter, () => stmt.all());
      addMeta(counter, res);
      return res;
    },
    run: async () => {
      counter.queries += 1;
      const res = await roundTrip(counter, () => stmt.run());
      addMeta(counter, res);
      return res;
    },
    raw: async (options?: { columnNames?: boolean }) => {
      counter.queries += 1;
      const rows = (await roundTrip(counter, () =>
        options?.columnNames ? stmt.raw({ columnNames: true }) : stmt.raw(),
      )) as unknown[];
      counter.rowsRead += Math.max(0, rows.length - (options?.columnNames ? 1 : 0));
      return rows;
    },
  } as unknown as D1PreparedStatement;
  inner.set(wrapped as object, stmt);
  return wrapped;
}

export function unwrapStatement(stmt: D1PreparedStatement): D1PreparedStatement {
  return inner.get(stmt as object) ?? stmt;
}

export function countingD1(db: D1Database, counter: QueryCounter): D1Database {
  return {
    prepare: (query: string) => wrapStatement(db.prepare(query), counter),
    batch: async (statements: D1PreparedStatement[]) => {
      counter.queries += statements.length;
      const results = await roundTrip(counter, () => db.batch(statements.map(unwrapStatement)));
      for (const r of results) addMeta(counter, r);
      return results;
    },
    exec: (query: string) => {
      counter.queries += 1;
      return roundTrip(counter, () => db.exec(query));
    },
    dump: () => db.dump(),
    withSession: (...args: Parameters<D1Database["withSession"]>) => db.withSession(...args),
  } as D1Database;
}
