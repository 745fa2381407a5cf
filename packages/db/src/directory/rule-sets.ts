import { and, desc, eq, sql } from "drizzle-orm";
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

/**
 * The latest version of each of `modules` for each of `districts`, in one query: what a batch of
 * branches from a few districts needs to judge each by its own district's rules.
 */
export async function latestRuleSetsOf(
  plane: DataPlane,
  districtIds: string[],
  modules: readonly string[],
): Promise<{ districtId: string; module: string; version: number; body: string }[]> {
  if (districtIds.length === 0 || modules.length === 0) return [];
  const latest = plane.directory.db
    .select({
      districtId: ruleSets.districtId,
      module: ruleSets.module,
      version: sql<number>`max(${ruleSets.version})`.as("latest"),
    })
    .from(ruleSets)
    .where(
      and(
        sql`${ruleSets.districtId} IN (SELECT value FROM json_each(${JSON.stringify(districtIds)}))`,
        sql`${ruleSets.module} IN (SELECT value FROM json_each(${JSON.stringify(modules)}))`,
      ),
    )
    .groupBy(ruleSets.districtId, ruleSets.module)
    .as("l");
  return plane.directory.db
    .select({
      districtId: ruleSets.districtId,
      module: ruleSets.module,
      version: ruleSets.version,
      body: ruleSets.body,
    })
    .from(ruleSets)
    .innerJoin(
      latest,
      and(
        eq(ruleSets.districtId, latest.districtId),
        eq(ruleSets.module, latest.module),
        eq(ruleSets.version, latest.version),
      ),
    );
}
