import { getTableColumns, getTableName } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";

const CHUNK = 500;

/**
 * `bulkInsert` with an ON CONFLICT clause: many rows travel as one JSON parameter (far under D1's
 * 100-parameter limit) and each either lands or updates the row it collides with. `set` maps
 * column names to SQL over `excluded.<col>` and the stored row, e.g. `points + excluded.points`.
 */
export function upsertRows<T extends SQLiteTable>(
  d1: D1Database,
  table: T,
  rows: readonly T["$inferInsert"][],
  conflict: readonly string[],
  set: Record<string, string>,
): D1PreparedStatement[] {
  if (rows.length === 0) return [];
  const columns = Object.entries(getTableColumns(table));
  const names = columns.map(([, c]) => `"${c.name}"`).join(", ");
  const picks = columns.map((_, i) => `json_extract(value, '$[${i}]')`).join(", ");
  const updates = Object.entries(set)
    .map(([col, expr]) => `"${col}" = ${expr}`)
    .join(", ");
  // `WHERE true` tells SQLite the ON CONFLICT belongs to the INSERT, not to a join in the SELECT
  const sql = `INSERT INTO "${getTableName(table)}" (${names}) SELECT ${picks} FROM json_each(?) WHERE true
    ON CONFLICT (${conflict.map((c) => `"${c}"`).join(", ")}) DO UPDATE SET ${updates}`;
  const out: D1PreparedStatement[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows
      .slice(i, i + CHUNK)
      .map((row) =>
        columns.map(([key, col]) => (row as Record<string, unknown>)[key] ?? col.default ?? null),
      );
    out.push(d1.prepare(sql).bind(JSON.stringify(chunk)));
  }
  return out;
}
