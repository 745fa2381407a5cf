import { asc, eq, gt, inArray, sql } from "drizzle-orm";
import { districts } from "../schema/directory";
import type { DataPlane } from "../shards";
import { statement } from "../write/sql";

export type District = typeof districts.$inferSelect;

export function getDistrict(plane: DataPlane, id: string): Promise<District | undefined> {
  return plane.directory.db.select().from(districts).where(eq(districts.id, id)).get();
}

export function getDistrictByCode(plane: DataPlane, code: string): Promise<District | undefined> {
  return plane.directory.db.select().from(districts).where(eq(districts.code, code)).get();
}

export function listDistricts(
  plane: DataPlane,
  { limit, after, ids }: { limit: number; after?: string; ids?: string[] },
): Promise<District[]> {
  const conds = [];
  if (after) conds.push(gt(districts.id, after));
  if (ids) conds.push(inArray(districts.id, ids.length ? ids : [""]));
  return plane.directory.db
    .select()
    .from(districts)
    .where(conds.length ? sql.join(conds, sql` AND `) : undefined)
    .orderBy(asc(districts.id))
    .limit(limit);
}

/**
 * Places a new district on the shard holding the fewest districts (lowest index on a tie). The
 * count is per district, not per member: a district never moves, so its growth is planned for when
 * shards are added.
 */
export async function leastLoadedShard(plane: DataPlane): Promise<number> {
  const rows = await plane.directory.db
    .select({ shard: districts.shard, n: sql<number>`count(*)` })
    .from(districts)
    .groupBy(districts.shard);
  const counts = new Map(rows.map((r) => [r.shard, r.n]));
  let best = 0;
  for (let i = 0; i < plane.shardCount; i++) if ((counts.get(i) ?? 0) < (counts.get(best) ?? 0)) best = i;
  return best;
}

export function insertDistrict(plane: DataPlane, row: typeof districts.$inferInsert): D1PreparedStatement {
  return statement(plane.directory.d1, plane.directory.db.insert(districts).values(row));
}
