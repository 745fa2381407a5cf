import { and, eq, sql } from "drizzle-orm";
import { branches } from "../schema/directory";
import type { DataPlane } from "../shards";

/** Names of a page's branches of one district, for district-wide views (one bound list, any size). */
export async function branchNames(
  plane: DataPlane,
  districtId: string,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await plane.directory.db
    .select({ id: branches.id, name: branches.name })
    .from(branches)
    .where(
      and(
        eq(branches.districtId, districtId),
        sql`${branches.id} IN (SELECT value FROM json_each(${JSON.stringify([...new Set(ids)])}))`,
      ),
    );
  return new Map(rows.map((r) => [r.id, r.name]));
}
