import {
  judgedMonths,
  OVERDUE_STEP_RULES,
  quarterOf,
  type ReportPeriod,
  reportPeriod,
} from "@vanguard/domain";
import type { BranchSetContext } from "../tenant/context";
import { type ComplianceFacts, type ComplianceQuery, readComplianceFactsAt } from "./compliance";

export interface RolledUpFacts {
  facts: Map<string, ComplianceFacts>;
  /** when each branch's facts were computed (ISO time): what a report states as its data's time */
  computedAt: Map<string, string>;
  /** branches whose rollup was missing or stale and was recomputed by this read */
  recomputed: number;
}

/** The inputs a branch's facts depend on besides its data: equal fingerprints, equal questions. */
function fingerprint(q: ComplianceQuery, branchId: string): string {
  const start = q.recordsStarts?.get(branchId);
  return JSON.stringify([
    q.meetingsFrom,
    q.asOf,
    q.duesMonths[0] ?? null,
    q.duesMonths.at(-1) ?? null,
    start?.firstMonth ?? null,
    (start?.studyKeys ?? q.studyKeys).join(","),
    q.inspectionUpTo,
    q.overdueRules.join(","),
  ]);
}

type Probe = { branch_id: string; fingerprint: string; facts: string; computed_at: string };
/** probes in flight or done within one report, by shard, period and districts */
export type RollupProbes = Map<string, Promise<Probe[]>>;

/** Rows per upsert statement: each chunk is one bound JSON value, well under D1's 2 MB. */
const UPSERT_CHUNK = 500;

/**
 * The compliance facts of a set of branches for one report period, from the rollups: one statement
 * reading at most one row per branch. A branch without a rollup for these inputs (never computed,
 * or deleted by a write since) is computed from its records as before, and its rollup stored only
 * if its event log has not moved since that read (a write in between deletes nothing the store
 * would then bring back). A warm report reads O(branches) rows, whatever lies behind them.
 */
export async function rolledUpComplianceFacts(
  set: BranchSetContext,
  period: string,
  q: ComplianceQuery,
  now: () => string = () => new Date().toISOString(),
  /** one report's probes, shared by its sets: two sets of one district read its rollups once */
  probes: RollupProbes = new Map(),
): Promise<RolledUpFacts> {
  const d1 = set.shard.d1;
  const districts = JSON.stringify([...new Set(set.branches.map((b) => b.districtId))].sort());
  const memo = `${set.shard.index}|${period}|${districts}`;
  let probe = probes.get(memo);
  if (!probe) {
    // read by district from the covering index (one entry per branch, whatever else the table
    // holds); rows of the district's branches outside the set are passed over
    probe = d1
      .prepare(
        `SELECT branch_id, fingerprint, facts, computed_at FROM compliance_rollups
          WHERE district_id IN (SELECT value FROM json_each(?1)) AND period = ?2`,
      )
      .bind(districts, period)
      .all<Probe>()
      .then((r) => r.results ?? []);
    probes.set(memo, probe);
  }
  const wanted = new Set(set.branches.map((b) => b.branchId));
  const facts = new Map<string, ComplianceFacts>();
  const computedAt = new Map<string, string>();
  for (const r of await probe) {
    if (!wanted.has(r.branch_id) || r.fingerprint !== fingerprint(q, r.branch_id)) continue;
    facts.set(r.branch_id, JSON.parse(r.facts) as ComplianceFacts);
    computedAt.set(r.branch_id, r.computed_at);
  }
  const stale = set.branches.filter((b) => !facts.has(b.branchId));
  if (stale.length) {
    const at = now();
    const computed = await readComplianceFactsAt({ ...set, branches: stale } as BranchSetContext, q);
    const rows = stale.map((b) => {
      const f = computed.facts.get(b.branchId)!;
      facts.set(b.branchId, f);
      computedAt.set(b.branchId, at);
      return [
        b.branchId,
        b.districtId,
        fingerprint(q, b.branchId),
        computed.heads.get(b.branchId) ?? null,
        JSON.stringify(f),
      ];
    });
    const statements: D1PreparedStatement[] = [];
    for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
      statements.push(
        d1
          .prepare(
            `INSERT INTO compliance_rollups (branch_id, period, district_id, fingerprint, facts, computed_at)
             SELECT json_extract(value, '$[0]'), ?2, json_extract(value, '$[1]'), json_extract(value, '$[2]'),
                    json_extract(value, '$[4]'), ?3
               FROM json_each(?1)
              WHERE (SELECT max(e.seq) FROM events e WHERE e.scope_id = json_extract(value, '$[0]'))
                    IS json_extract(value, '$[3]')
             ON CONFLICT (branch_id, period) DO UPDATE SET
                district_id = excluded.district_id, fingerprint = excluded.fingerprint,
                facts = excluded.facts, computed_at = excluded.computed_at`,
          )
          .bind(JSON.stringify(rows.slice(i, i + UPSERT_CHUNK)), period, at),
      );
    }
    await d1.batch(statements);
  }
  return { facts, computedAt, recomputed: stale.length };
}

/** The months and study keys a unit's records start leaves judged in the period (null: all of them). */
function recordsWindow(period: ReportPeriod, recordsFrom: string | null | undefined) {
  if (!recordsFrom || recordsFrom <= period.from) return null;
  const months = judgedMonths(period.months, recordsFrom);
  return {
    firstMonth: months[0] ?? `${Number(period.to.slice(0, 4)) + 1}-01`,
    studyKeys: months,
  };
}

/** What the compliance report asks of a period for these branches: one definition for report and audit. */
export function complianceQuery(
  period: ReportPeriod,
  branches: readonly { id: string; recordsFrom?: string | null }[],
): ComplianceQuery {
  const recordsStarts = new Map(
    branches.flatMap((b) => {
      const w = recordsWindow(period, b.recordsFrom);
      return w ? [[b.id, w] as const] : [];
    }),
  );
  return {
    meetingsFrom: `${period.year}-01-01`,
    asOf: period.asOf,
    duesMonths: period.duesMonths,
    studyKeys: period.studyKeys,
    recordsStarts,
    inspectionUpTo: quarterOf(period.asOf),
    overdueRules: OVERDUE_STEP_RULES,
  };
}

/**
 * The nightly audit's part: each branch's rollups for the month, quarter and year running on
 * `date`, so the day's first reports find them (a write during the day deletes a branch's, and
 * the next report computes it again). Only missing or stale ones are computed.
 */
export async function refreshComplianceRollups(
  set: BranchSetContext,
  branches: readonly { id: string; recordsFrom?: string | null }[],
  date: string,
): Promise<number> {
  let recomputed = 0;
  for (const key of [date.slice(0, 7), quarterOf(date), date.slice(0, 4)]) {
    const period = reportPeriod(key, date);
    recomputed += (await rolledUpComplianceFacts(set, key, complianceQuery(period, branches))).recomputed;
  }
  return recomputed;
}
