import { and, asc, eq, gt } from "drizzle-orm";
import { findings } from "../schema/audits";
import type { BranchSetContext, DistrictContext, TenantContext } from "../tenant/context";
import { branchIdsJson } from "../tenant/context";
import { bulkInsert, expectChanged, rawStatement, statement } from "../write/sql";

export type FindingRow = typeof findings.$inferSelect;
export type NewFinding = typeof findings.$inferInsert;

export function insertFindings(d1: D1Database, rows: NewFinding[]): D1PreparedStatement[] {
  return bulkInsert(d1, findings, rows);
}

/** What reconciliation needs of the stored findings of a batch: the live ones and any of today's keys. */
export async function storedFindings(set: BranchSetContext, keys: string[]) {
  const res = await set.shard.d1
    .prepare(
      `SELECT branch_id, id, key, rule, status FROM findings
        WHERE branch_id IN (SELECT value FROM json_each(?))
          AND (status <> 'resolved' OR key IN (SELECT value FROM json_each(?)))`,
    )
    .bind(branchIdsJson(set), JSON.stringify(keys))
    .all<{ branch_id: string; id: string; key: string; rule: string; status: FindingRow["status"] }>();
  return res.results;
}

export interface SeenFinding {
  branchId: string;
  key: string;
  severity: FindingRow["severity"];
  dueBy: string | null;
  messageZh: string;
  messageEn: string;
  facts: string;
}

/** Refreshes findings a run saw again: when, and how bad it is now (arrears grow from 3 to 6 months). */
export function touchFindings(
  d1: D1Database,
  runId: string,
  on: string,
  seen: SeenFinding[],
): D1PreparedStatement[] {
  if (!seen.length) return [];
  return [
    rawStatement(
      d1,
      `UPDATE findings SET last_seen_run = ?, last_seen_on = ?, severity = j.severity, due_by = j.due_by,
              message_zh = j.zh, message_en = j.en, facts = j.facts
         FROM (SELECT json_extract(value, '$[0]') AS b, json_extract(value, '$[1]') AS k,
                      json_extract(value, '$[2]') AS severity, json_extract(value, '$[3]') AS due_by,
                      json_extract(value, '$[4]') AS zh, json_extract(value, '$[5]') AS en,
                      json_extract(value, '$[6]') AS facts
                 FROM json_each(?)) AS j
        WHERE findings.branch_id = j.b AND findings.key = j.k`,
      [
        runId,
        on,
        JSON.stringify(
          seen.map((s) => [s.branchId, s.key, s.severity, s.dueBy, s.messageZh, s.messageEn, s.facts]),
        ),
      ],
    ),
  ];
}

/** Closes findings whose condition a run no longer found. */
export function clearFindings(
  d1: D1Database,
  runId: string,
  at: string,
  items: { branchId: string; key: string }[],
): D1PreparedStatement[] {
  if (!items.length) return [];
  return [
    rawStatement(
      d1,
      `UPDATE findings SET status = 'resolved', resolution = 'cleared', resolved_at = ?, resolved_by = 'system',
              resolved_run = ?, version = version + 1
        WHERE status <> 'resolved'
          AND (branch_id, key) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))`,
      [at, runId, JSON.stringify(items.map((i) => [i.branchId, i.key]))],
    ),
  ];
}

/** Exact even when a batch is delivered twice: counted from the rows, not from what one delivery did. */
export async function runChanges(
  set: BranchSetContext,
  runId: string,
): Promise<{ opened: number; resolved: number }> {
  const row = await set.shard.d1
    .prepare(
      `SELECT sum(opened_run = ?1) AS opened, sum(resolved_run = ?1) AS resolved FROM findings
        WHERE branch_id IN (SELECT value FROM json_each(?2)) AND (opened_run = ?1 OR resolved_run = ?1)`,
    )
    .bind(runId, branchIdsJson(set))
    .first<{ opened: number | null; resolved: number | null }>();
  return { opened: row?.opened ?? 0, resolved: row?.resolved ?? 0 };
}

export function listFindings(
  tc: TenantContext,
  { status, limit, after }: { status?: FindingRow["status"]; limit: number; after?: string },
) {
  return tc.shard.db
    .select()
    .from(findings)
    .where(
      and(
        eq(findings.districtId, tc.districtId),
        eq(findings.branchId, tc.branchId),
        status ? eq(findings.status, status) : undefined,
        after ? gt(findings.id, after) : undefined,
      ),
    )
    .orderBy(asc(findings.id))
    .limit(limit);
}

export function listDistrictFindings(
  dc: DistrictContext,
  { status, limit, after }: { status?: FindingRow["status"]; limit: number; after?: string },
): Promise<FindingRow[]> {
  return dc.shard.db
    .select()
    .from(findings)
    .where(
      and(
        eq(findings.districtId, dc.districtId),
        status ? eq(findings.status, status) : undefined,
        after ? gt(findings.id, after) : undefined,
      ),
    )
    .orderBy(asc(findings.id))
    .limit(limit);
}

export function getFinding(tc: TenantContext, id: string): Promise<FindingRow | undefined> {
  return tc.shard.db
    .select()
    .from(findings)
    .where(
      and(eq(findings.districtId, tc.districtId), eq(findings.branchId, tc.branchId), eq(findings.id, id)),
    )
    .get();
}

/** A person's acknowledgement or resolution, guarded by the version they saw. */
export function setFindingStatus(
  tc: TenantContext,
  f: FindingRow,
  change: Partial<
    Pick<
      FindingRow,
      "status" | "acknowledgedAt" | "acknowledgedBy" | "resolvedAt" | "resolvedBy" | "resolution" | "note"
    >
  >,
): D1PreparedStatement[] {
  return [
    statement(
      tc.shard.d1,
      tc.shard.db
        .update(findings)
        .set({ ...change, version: f.version + 1 })
        .where(
          and(eq(findings.branchId, tc.branchId), eq(findings.id, f.id), eq(findings.version, f.version)),
        ),
    ),
    expectChanged(tc.shard.d1),
  ];
}

/** What a digest shows: every live finding of a set of branches, worst first. */
export async function liveFindings(set: BranchSetContext) {
  const res = await set.shard.d1
    .prepare(
      `SELECT branch_id, id, rule, severity, subject_type, subject_id, message_zh, message_en, due_by, status FROM findings
        WHERE branch_id IN (SELECT value FROM json_each(?)) AND status <> 'resolved'
        ORDER BY CASE severity WHEN 'severe' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, id`,
    )
    .bind(branchIdsJson(set))
    .all<Record<string, string | null>>();
  return res.results;
}
