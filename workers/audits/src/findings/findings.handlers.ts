import { tenantWrite } from "@vanguard/db";
import {
  type FindingRow,
  getFinding,
  listDistrictFindings,
  listFindings,
  setFindingStatus,
} from "@vanguard/db/audits";
import { failure, MANAGE_BRANCH, mayResolveFinding, READ_BRANCH, READ_DISTRICT } from "@vanguard/domain";
import {
  type AppRouteHandler,
  decodeCursor,
  forbidden,
  type Lang,
  moduleBranch,
  moduleDistrict,
  notFound,
  ProblemError,
  page,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import type { Context } from "hono";
import type { AuditsBindings, AuditsEnv } from "../env";
import type { AcknowledgeRoute, ListBranchRoute, ListDistrictRoute, ResolveRoute } from "./findings.routes";

export function findingView(f: FindingRow, lang: Lang) {
  return {
    id: f.id,
    branchId: f.branchId,
    rule: f.rule,
    subject: { type: f.subjectType, id: f.subjectId },
    severity: f.severity,
    period: f.period,
    dueBy: f.dueBy,
    status: f.status,
    message: lang === "en" ? f.messageEn : f.messageZh,
    facts: JSON.parse(f.facts) as Record<string, unknown>,
    openedAt: f.openedAt,
    lastSeenOn: f.lastSeenOn,
    acknowledgedAt: f.acknowledgedAt,
    resolvedAt: f.resolvedAt,
    resolution: f.resolution as "cleared" | "manual" | null,
    note: f.note,
    version: f.version,
  };
}

export const listBranch: AppRouteHandler<ListBranchRoute, AuditsBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor, status } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const rows = await listFindings(tc, { status, limit: limit + 1, after: decodeCursor(cursor) });
  return c.json(
    page(
      rows,
      limit,
      (f) => f.id,
      (f) => findingView(f, c.get("lang")),
    ),
    200,
  );
};

export const listDistrict: AppRouteHandler<ListDistrictRoute, AuditsBindings> = async (c) => {
  const { districtId } = c.req.valid("param");
  const { limit, cursor, status } = c.req.valid("query");
  const dc = moduleDistrict(c, districtId, READ_DISTRICT);
  const rows = await listDistrictFindings(dc, { status, limit: limit + 1, after: decodeCursor(cursor) });
  return c.json(
    page(
      rows,
      limit,
      (f) => f.id,
      (f) => findingView(f, c.get("lang")),
    ),
    200,
  );
};

/** Acknowledge and resolve share one path: read, check, guarded update, event. */
async function transition(
  c: Context<AuditsEnv>,
  to: "acknowledged" | "resolved",
  body: { note?: string; version?: number },
) {
  const { branchId, findingId } = c.req.param() as { branchId: string; findingId: string };
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  const p = c.get("principal");
  const updated = await tenantWrite(tc, await writeRequest(c), async ({ event }) => {
    const f = await getFinding(tc, findingId);
    if (!f) throw notFound();
    if (body.version !== undefined && body.version !== f.version) throw new ProblemError("version_conflict");
    if (f.status === "resolved") {
      throw ruleViolation([
        failure(
          "finding_resolved",
          { zh: "该问题已销号", en: "The finding is already resolved" },
          { status: f.status },
        ),
      ]);
    }
    if (to === "resolved" && !mayResolveFinding(f.rule, p.role)) {
      throw forbidden({
        zh: "工作记录链被截断或改写的问题须由区委核实后销号",
        en: "A cut or rewritten event log is resolved by the district after it has looked into it",
      });
    }
    if (f.status === to) return { statements: [], events: [], result: f };
    const at = new Date().toISOString();
    const change =
      to === "acknowledged"
        ? { status: to, acknowledgedAt: at, acknowledgedBy: p.id, note: body.note ?? f.note }
        : { status: to, resolvedAt: at, resolvedBy: p.id, resolution: "manual", note: body.note ?? f.note };
    const next = { ...f, ...change, version: f.version + 1 } as FindingRow;
    return {
      statements: setFindingStatus(tc, f, change),
      events: [
        event({
          action: `finding.${to}`,
          subjectType: "finding",
          subjectId: f.id,
          before: { status: f.status },
          after: { status: to, note: change.note },
        }),
      ],
      result: next,
    };
  });
  return c.json(findingView(updated, c.get("lang")), 200);
}

export const acknowledge: AppRouteHandler<AcknowledgeRoute, AuditsBindings> = async (c) =>
  transition(c, "acknowledged", c.req.valid("json") ?? {});

export const resolve: AppRouteHandler<ResolveRoute, AuditsBindings> = async (c) =>
  transition(c, "resolved", c.req.valid("json") ?? {});
