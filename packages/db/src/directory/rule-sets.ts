import { and, desc, eq } from "drizzle-orm";
import { ruleSets } from "../schema/directory";
import type { DataPlane } from "../shards";
import { statement } from "../write/sql";

export type RuleSetRow = typeof ruleSets.$inferSelect;

export function latestRuleSet(
  plane: DataPlane,
  districtId: string,
  module: string,
): Promise<RuleSetRow | undefined> {
  return plane.directory.db
    .select()
    .from(ruleSets)
    .where(and(eq(ruleSets.districtId, districtId), eq(ruleSets.module, module)))
    .orderBy(desc(ruleSets.version))
    .limit(1)
    .get();
}

export function getRuleSet(
  plane: DataPlane,
  districtId: string,
  module: string,
  version: number,
): Promise<RuleSetRow | undefined> {
  return plane.directory.db
    .select()
    .from(ruleSets)
    .where(
      and(eq(ruleSets.districtId, districtId), eq(ruleSets.module, module), eq(ruleSets.version, version)),
    )
    .get();
}

/** A new version never replaces an old one: decisions keep pointing at the version they used. */
export function insertRuleSet(plane: DataPlane, row: typeof ruleSets.$inferInsert): D1PreparedStatement {
  return statement(plane.directory.d1, plane.directory.db.insert(ruleSets).values(row));
}
