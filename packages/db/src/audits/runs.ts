import { and, asc, desc, eq, gt, inArray, lt } from "drizzle-orm";
import { auditRunBatches, auditRunPages, auditRuns, branches, districts } from "../schema/directory";
import type { DataPlane } from "../shards";
import { statement } from "../write/sql";

export type AuditRunRow = typeof auditRuns.$inferSelect;

export function insertRun(plane: DataPlane, row: typeof auditRuns.$inferInsert): D1PreparedStatement {
  return statement(plane.directory.d1, plane.directory.db.insert(auditRuns).values(row));
}

export function getRun(plane: DataPlane, id: string): Promise<AuditRunRow | undefined> {
  return plane.directory.db.select().from(auditRuns).where(eq(auditRuns.id, id)).get();
}

/** The branches of one shard after `after`, in id order, with what the audit needs of their district. */
export function branchesOfShard(
  plane: DataPlane,
  shard: number,
  after: string,
  limit: number,
  districtId?: string | null,
) {
  return plane.directory.db
    .select({
      id: branches.id,
      districtId: branches.districtId,
      name: branches.name,
      kind: branches.kind,
      foundedOn: branches.foundedOn,
      recordsFrom: branches.recordsFrom,
      timeZone: districts.timeZone,
    })
    .from(branches)
    .innerJoin(districts, eq(districts.id, branches.districtId))
    .where(
      and(
        eq(districts.shard, shard),
        gt(branches.id, after),
        districtId ? eq(branches.districtId, districtId) : undefined,
      ),
    )
    .orderBy(asc(branches.id))
    .limit(limit);
}

export function recordPage(plane: DataPlane, row: typeof auditRunPages.$inferInsert): D1PreparedStatement {
  return statement(
    plane.directory.d1,
    plane.directory.db.insert(auditRunPages).values(row).onConflictDoNothing(),
  );
}

export function recordBatch(plane: DataPlane, row: typeof auditRunBatches.$inferInsert): D1PreparedStatement {
  return statement(
    plane.directory.d1,
    plane.directory.db.insert(auditRunBatches).values(row).onConflictDoNothing(),
  );
}

export function failRun(plane: DataPlane, id: string, failure: string): D1PreparedStatement {
  return statement(
    plane.directory.d1,
    plane.directory.db.update(auditRuns).set({ failure }).where(eq(auditRuns.id, id)),
  );
}

export interface RunProgress {
  branchesTotal: number;
  batchesPlanned: number;
  shardsPlanned: number;
  batchesDone: number;
  branchesDone: number;
  findingsOpened: number;
  findingsResolved: number;
  queries: number;
}

/** Progress summed from the idempotent page and batch rows: two aggregates per look. */
export async function runProgress(plane: DataPlane, id: string): Promise<RunProgress> {
  const d1 = plane.directory.d1;
  const [pages, done] = await d1.batch<Record<string, number | null>>([
    d1
      .prepare(
        "SELECT sum(branches) AS branches, sum(batches) AS batches, sum(last) AS shards FROM audit_run_pages WHERE run_id = ?",
      )
      .bind(id),
    d1
      .prepare(
        `SELECT count(*) AS batches, sum(branches) AS branches, sum(findings_opened) AS opened,
                sum(findings_resolved) AS resolved, sum(queries) AS queries
           FROM audit_run_batches WHERE run_id = ?`,
      )
      .bind(id),
  ]);
  const p = pages?.results?.[0] ?? {};
  const d = done?.results?.[0] ?? {};
  return {
    branchesTotal: Number(p.branches ?? 0),
    batchesPlanned: Number(p.batches ?? 0),
    shardsPlanned: Number(p.shards ?? 0),
    batchesDone: Number(d.batches ?? 0),
    branchesDone: Number(d.branches ?? 0),
    findingsOpened: Number(d.opened ?? 0),
    findingsResolved: Number(d.resolved ?? 0),
    queries: Number(d.queries ?? 0),
  };
}

/**
 * Newest runs first (ids are time-ordered). `districtIds` limits the list to runs of those districts
 * (a run over every district is not among them); null lists every run.
 */
export function listRuns(
  plane: DataPlane,
  { limit, before, districtIds = null }: { limit: number; before?: string; districtIds?: string[] | null },
) {
  return plane.directory.db
    .select()
    .from(auditRuns)
    .where(
      and(
        before ? lt(auditRuns.id, before) : undefined,
        districtIds ? inArray(auditRuns.districtId, districtIds) : undefined,
      ),
    )
    .orderBy(desc(auditRuns.id))
    .limit(limit);
}

export interface UnplannedRun {
  id: string;
  date: string;
  districtId: string | null;
  shardCount: number;
  createdAt: string;
  /** the shards whose planning started (a page of theirs is recorded) */
  planned: number[];
}

/**
 * Runs written before `createdBefore` that some shard never started planning: the row was written but
 * a planner message was never queued (or was lost before its first page). Failed runs are left out.
 */
export async function unplannedRuns(
  plane: DataPlane,
  createdBefore: string,
  limit = 50,
): Promise<UnplannedRun[]> {
  const { results } = await plane.directory.d1
    .prepare(
      `SELECT r.id, r.date, r.district_id AS districtId, r.shard_count AS shardCount, r.created_at AS createdAt,
              (SELECT json_group_array(DISTINCT p.shard) FROM audit_run_pages p WHERE p.run_id = r.id) AS planned
         FROM audit_runs r
        WHERE r.failure IS NULL AND r.created_at <= ?
          AND (SELECT count(DISTINCT p.shard) FROM audit_run_pages p WHERE p.run_id = r.id) < r.shard_count
        ORDER BY r.created_at LIMIT ?`,
    )
    .bind(createdBefore, limit)
    .all<Omit<UnplannedRun, "planned"> & { planned: string }>();
  return results.map((r) => ({ ...r, planned: JSON.parse(r.planned) as number[] }));
}
