import { getTableColumns, getTableName, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";

/** Any drizzle query that can render itself to SQL (insert, update, delete, select builders). */
export interface RenderableQuery {
  toSQL(): { sql: string; params: unknown[] };
}

/** A drizzle builder as a plain D1 statement, so it can join a hand-assembled batch. */
export function statement(d1: D1Database, query: RenderableQuery): D1PreparedStatement {
  const { sql, params } = query.toSQL();
  return d1.prepare(sql).bind(...params);
}

export function rawStatement(d1: D1Database, sql: string, params: unknown[] = []): D1PreparedStatement {
  return d1.prepare(sql).bind(...params);
}

/** Rows per bulk statement; each chunk is one bound JSON value, far below D1's 2 MB per value. */
const BULK_CHUNK = 500;

/**
 * Inserts many rows with one bound parameter per chunk: the rows travel as a JSON array and SQLite
 * unpacks them with `json_each`, which keeps every statement under D1's 100-parameter limit
 * however wide the table or long the list.
 */
export function bulkInsert<T extends SQLiteTable>(
  d1: D1Database,
  table: T,
  rows: readonly T["$inferInsert"][],
  { onConflictDoNothing = false }: { onConflictDoNothing?: boolean } = {},
): D1PreparedStatement[] {
  if (rows.length === 0) return [];
  const columns = Object.entries(getTableColumns(table));
  const names = columns.map(([, c]) => `"${c.name}"`).join(", ");
  const picks = columns.map((_, i) => `json_extract(value, '$[${i}]')`).join(", ");
  const sql = `INSERT ${onConflictDoNothing ? "OR IGNORE " : ""}INTO "${getTableName(table)}" (${names}) SELECT ${picks} FROM json_each(?)`;
  const out: D1PreparedStatement[] = [];
  for (let i = 0; i < rows.length; i += BULK_CHUNK) {
    const chunk = rows.slice(i, i + BULK_CHUNK).map((row) =>
      columns.map(([key, col]) => {
        const v = (row as Record<string, unknown>)[key];
        if (v === undefined) return col.default ?? null;
        return v;
      }),
    );
    out.push(d1.prepare(sql).bind(JSON.stringify(chunk)));
  }
  return out;
}

export type { SQL };

/** Aborts the batch unless the statement just before changed exactly `n` rows. */
export function expectChanged(d1: D1Database, n = 1): D1PreparedStatement {
  return d1
    .prepare("INSERT OR REPLACE INTO write_guard (id, ok) VALUES (1, CASE WHEN changes() = ? THEN 1 END)")
    .bind(n);
}
