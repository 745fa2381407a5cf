import { defaultVersion, type RuleSetKind, type Versioned } from "@vanguard/domain";
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
 * The district's current rules of a kind: its latest stored version read over the kind's defaults,
 * or version 0 (the defaults) until it publishes one. The one way every rule set is read.
 */
export async function currentRules<R>(
  plane: DataPlane,
  districtId: string,
  kind: RuleSetKind<R>,
): Promise<Versioned<R>> {
  const row = await latestRuleSet(plane, districtId, kind.module);
  return row ? { version: row.version, rules: kind.resolve(JSON.parse(row.body)) } : defaultVersion(kind);
}

/** The rules of a kind as they were at `version` (0: the defaults); undefined if never stored. */
export async function rulesAtVersion<R>(
  plane: DataPlane,
  districtId: string,
  kind: RuleSetKind<R>,
  version: number,
): Promise<Versioned<R> | undefined> {
  if (version === 0) return defaultVersion(kind);
  const row = await getRuleSet(plane, districtId, kind.module, version);
  return row ? { version: row.version, rules: kind.resolve(JSON.parse(row.body)) } : undefined;
}

/** A district's new version of a kind's rules (the one way every rule set is written). */
export function insertRules<R>(
  plane: DataPlane,
  kind: RuleSetKind<R>,
  r: { districtId: string; version: number; rules: R; createdAt: string; createdBy: string },
): D1PreparedStatement {
  return insertRuleSet(plane, {
    districtId: r.districtId,
    module: kind.module,
    version: r.version,
    body: JSON.stringify(r.rules),
    createdAt: r.createdAt,
    createdBy: r.createdBy,
  });
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
