import type { DataPlane } from "../shards";

/** The table, in the directory and in every shard (schema/events.ts, `generationTable`). */
export const GENERATIONS = "district_generations";

/**
 * The statement a write adds to its batch: the districts it names count one more write. Anything
 * that changes a district's data outside the write path (a test fixture) must add it too.
 */
export function bumpGenerations(d1: D1Database, districtIds: readonly string[]): D1PreparedStatement {
  return d1
    .prepare(
      `INSERT INTO ${GENERATIONS} (district_id, generation) SELECT value, 1 FROM json_each(?1) WHERE true
       ON CONFLICT(district_id) DO UPDATE SET generation = generation + 1`,
    )
    .bind(JSON.stringify([...new Set(districtIds)]));
}

/** Per database ("directory", "shard 0", …), the districts' write counts as one string. */
export type Generations = Record<string, string>;

/** The districts' counts in one database, as one row per district (0 for one never written to). */
export function generationsStatement(d1: D1Database, districtIds: readonly string[]): D1PreparedStatement {
  return d1
    .prepare(
      `SELECT d.value AS district_id, coalesce(g.generation, 0) AS generation
         FROM json_each(?1) d LEFT JOIN ${GENERATIONS} g ON g.district_id = d.value
        ORDER BY d.value`,
    )
    .bind(JSON.stringify([...districtIds].sort()));
}

/** The rows of `generationsStatement` as one comparable string. */
export function generationsOf(rows: readonly Record<string, unknown>[] | undefined): string {
  return (rows ?? []).map((r) => `${r.district_id}=${r.generation}`).join(",");
}

/**
 * The write counts of some districts in the directory and in the given shards. Every write bumps
 * the counts of its districts in its own batch, so an answer computed from those districts' data
 * after the counts were read is current while a new read gives the same counts. One statement
 * per database, read side by side.
 */
export async function readGenerations(
  plane: DataPlane,
  districtIds: readonly string[],
  where: { directory: boolean; shards: readonly number[] },
): Promise<Generations> {
  const read = (d1: D1Database) =>
    generationsStatement(d1, districtIds)
      .all()
      .then((r) => generationsOf(r.results));
  const entries = await Promise.all([
    ...(where.directory ? [read(plane.directory.d1).then((g) => ["directory", g] as const)] : []),
    ...where.shards.map((i) => read(plane.shard(i).d1).then((g) => [`shard ${i}`, g] as const)),
  ]);
  return Object.fromEntries(entries);
}

/** Whether every database `kept` names still has the counts it had. */
export function sameGenerations(kept: Generations, now: Generations): boolean {
  return Object.entries(kept).every(([db, g]) => now[db] === g);
}
