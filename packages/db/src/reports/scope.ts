import type { DataPlane } from "../shards";
import { type BranchSetContext, branchSetContext } from "../tenant/context";
import { generationsOf, generationsStatement } from "../write/generations";

/**
 * What a cross-branch report needs of the directory, in one round trip whatever the number of
 * districts or branches: the districts in scope, their branches in org-tree order, and each
 * district's latest rule set of one module (the meeting cadence lives in the study rules).
 */
export interface ReportDistrict {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  shard: number;
}

export interface ReportBranch {
  id: string;
  districtId: string;
  parentId: string | null;
  path: string;
  kind: "branch" | "general_branch" | "committee";
  name: string;
  foundedOn: string;
  /** nothing before this day is judged (docs/adoption.md) */
  recordsFrom: string;
}

export interface ReportDirectory {
  districts: ReportDistrict[];
  branches: ReportBranch[];
  /** district id → the body of its latest rule set of the module asked for, with its version */
  ruleSets: Map<string, { version: number; body: string }>;
  /** the districts' write counts in the directory, read in the same transaction (write/generations.ts) */
  generations: string;
}

type Row = Record<string, string | number | null>;

/** `districtIds` null: every district (a platform admin, or an auditor of the whole platform). */
export async function readReportDirectory(
  plane: DataPlane,
  districtIds: readonly string[] | null,
  ruleModule: string,
): Promise<ReportDirectory> {
  const d1 = plane.directory.d1;
  const ids = JSON.stringify(districtIds ?? []);
  const all = districtIds === null ? 1 : 0;
  // two texts rather than `?2 = 1 OR …`: an OR on a parameter hides the district index from SQLite,
  // which then reads every branch of the platform for one district's report
  const inScope = (col: string) =>
    all ? "(?2 = 1)" : `(?2 = 0 AND ${col} IN (SELECT value FROM json_each(?1)))`;
  const [districts, branches, rules, generations] = await d1.batch<Row>([
    d1
      .prepare(`SELECT id, code, name, time_zone, shard FROM districts WHERE ${inScope("id")} ORDER BY code`)
      .bind(ids, all),
    d1
      .prepare(
        // in the covering index's order, so SQLite neither fetches rows nor sorts them (a sort reads
        // every row twice); the districts' own order is applied below
        `SELECT b.id, b.district_id, b.parent_id, b.path, b.kind, b.name, b.founded_on, b.records_from
           FROM branches b WHERE ${inScope("b.district_id")} ORDER BY b.district_id, b.path`,
      )
      .bind(ids, all),
    d1
      .prepare(
        `SELECT r.district_id, r.version, r.body FROM rule_sets r
          WHERE ${inScope("r.district_id")} AND r.module = ?3
            AND r.version = (SELECT max(x.version) FROM rule_sets x
                              WHERE x.district_id = r.district_id AND x.module = r.module)`,
      )
      .bind(ids, all, ruleModule),
    generationsStatement(d1, districtIds ?? []),
  ]);
  return {
    districts: (districts?.results ?? []).map((r) => ({
      id: String(r.id),
      code: String(r.code),
      name: String(r.name),
      timeZone: String(r.time_zone),
      shard: Number(r.shard),
    })),
    branches: inDistrictOrder(districts?.results ?? [], branches?.results ?? []).map((r) => ({
      id: String(r.id),
      districtId: String(r.district_id),
      parentId: (r.parent_id as string | null) ?? null,
      path: String(r.path),
      kind: r.kind as ReportBranch["kind"],
      name: String(r.name),
      foundedOn: String(r.founded_on),
      recordsFrom: String(r.records_from),
    })),
    generations: generationsOf(generations?.results),
    ruleSets: new Map(
      (rules?.results ?? []).map((r) => [
        String(r.district_id),
        { version: Number(r.version), body: String(r.body) },
      ]),
    ),
  };
}

/**
 * A report's reads go shard by shard, a fixed handful of aggregate queries per set of branches.
 * Sets are capped so the one JSON parameter naming the branches stays far below D1's limits, and
 * split by time zone so every branch of a set shares "today".
 */
export const REPORT_SET_SIZE = 2000;

export interface ReportSet {
  set: BranchSetContext;
  timeZone: string;
}

export function reportSets(
  plane: DataPlane,
  districts: readonly ReportDistrict[],
  branches: readonly ReportBranch[],
  size = REPORT_SET_SIZE,
): ReportSet[] {
  const districtOf = new Map(districts.map((d) => [d.id, d]));
  const groups = new Map<
    string,
    { shard: number; timeZone: string; list: { branchId: string; districtId: string }[] }
  >();
  for (const b of branches) {
    const d = districtOf.get(b.districtId);
    if (!d) continue;
    const key = `${d.shard}|${d.timeZone}`;
    const g = groups.get(key) ?? { shard: d.shard, timeZone: d.timeZone, list: [] };
    g.list.push({ branchId: b.id, districtId: b.districtId });
    groups.set(key, g);
  }
  const out: ReportSet[] = [];
  for (const g of [...groups.values()].sort((a, b) => a.shard - b.shard)) {
    for (let i = 0; i < g.list.length; i += size) {
      out.push({ set: branchSetContext(plane, g.shard, g.list.slice(i, i + size)), timeZone: g.timeZone });
    }
  }
  return out;
}

/** The branches ordered by their district's code (the districts' order), tree order within each. */
function inDistrictOrder(districts: Row[], branches: Row[]): Row[] {
  const rank = new Map(districts.map((d, i) => [String(d.id), i]));
  return [...branches].sort(
    (a, b) => (rank.get(String(a.district_id)) ?? 0) - (rank.get(String(b.district_id)) ?? 0),
  );
}
