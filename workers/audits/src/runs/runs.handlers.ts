import { type DataPlane, getDistrict } from "@vanguard/db";
import { type AuditRunRow, getRun, listRuns, runProgress } from "@vanguard/db/audits";
import { OVERSEE_PLATFORM, PLATFORM_ONLY, todayIn } from "@vanguard/domain";
import {
  type AppRouteHandler,
  decodeCursor,
  invalid,
  notFound,
  type Principal,
  page,
  requireRole,
  seesDistrict,
} from "@vanguard/platform";
import type { AuditsBindings } from "../env";
import type { GetRoute, ListRoute, StartRoute } from "./runs.routes";
import { startRun } from "./start-run";

/** The districts whose runs a principal may read; null: every run, including those over every district. */
function runDistricts(p: Principal): string[] | null {
  if (p.role === "platform_admin") return null;
  return p.role === "auditor" ? p.auditDistricts : [];
}

/** A run over one district is that district's; a run over every district is for platform-wide eyes only. */
function seesRun(p: Principal, run: AuditRunRow): boolean {
  return run.districtId ? seesDistrict(p, run.districtId) : runDistricts(p) === null;
}

export async function runView(plane: DataPlane, run: AuditRunRow) {
  const p = await runProgress(plane, run.id);
  const planned = p.shardsPlanned >= run.shardCount;
  const status = run.failure
    ? ("failed" as const)
    : planned && p.batchesDone >= p.batchesPlanned
      ? ("done" as const)
      : p.batchesDone > 0 || p.shardsPlanned > 0
        ? ("running" as const)
        : ("queued" as const);
  return {
    id: run.id,
    date: run.date,
    trigger: run.trigger,
    status,
    branchesTotal: p.branchesTotal,
    branchesDone: p.branchesDone,
    findingsOpened: p.findingsOpened,
    findingsResolved: p.findingsResolved,
    batchesPlanned: p.batchesPlanned,
    batchesDone: p.batchesDone,
    d1Queries: p.queries,
    failure: run.failure,
    createdAt: run.createdAt,
  };
}

export const start: AppRouteHandler<StartRoute, AuditsBindings> = async (c) => {
  const p = c.get("principal");
  requireRole(p, PLATFORM_ONLY);
  const body = c.req.valid("json") ?? {};
  const plane = c.get("plane");
  if (body.districtId && !(await getDistrict(plane, body.districtId))) {
    throw invalid("districtId", { zh: "区不存在", en: "No such district" });
  }
  const { id } = await startRun(c.env, {
    date: body.date ?? todayIn("Asia/Shanghai"),
    trigger: "manual",
    createdBy: p.id,
    districtId: body.districtId ?? null,
  });
  const run = await getRun(plane, id);
  return c.json(await runView(plane, run!), 202);
};

export const get: AppRouteHandler<GetRoute, AuditsBindings> = async (c) => {
  const { runId } = c.req.valid("param");
  const p = c.get("principal");
  const plane = c.get("plane");
  const run = await getRun(plane, runId);
  // scope before role, as everywhere: outside its district a run is not there; inside, only auditors read it
  if (!run || !seesRun(p, run)) throw notFound();
  requireRole(p, OVERSEE_PLATFORM);
  return c.json(await runView(plane, run), 200);
};

export const list: AppRouteHandler<ListRoute, AuditsBindings> = async (c) => {
  const p = c.get("principal");
  requireRole(p, OVERSEE_PLATFORM);
  const { limit, cursor } = c.req.valid("query");
  const plane = c.get("plane");
  const rows = await listRuns(plane, {
    limit: limit + 1,
    before: decodeCursor(cursor),
    districtIds: runDistricts(p),
  });
  const paged = page(rows, limit, (r) => r.id);
  return c.json(
    { items: await Promise.all(paged.items.map((r) => runView(plane, r))), nextCursor: paged.nextCursor },
    200,
  );
};
