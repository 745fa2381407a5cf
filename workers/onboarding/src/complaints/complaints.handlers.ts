import { newId, tenantWrite } from "@vanguard/db";
import {
  type ComplaintRow,
  getCase,
  getComplaint,
  insertComplaint,
  listComplaints,
  resolveComplaint,
} from "@vanguard/db/onboarding";
import { checkComplaint, checkResolution, MANAGE_BRANCH, READ_BRANCH, todayIn } from "@vanguard/domain";
import {
  type AppRouteHandler,
  decodeCursor,
  moduleBranch,
  notFound,
  page,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import { loadCase, requirePresent } from "../cases/case-loader";
import type { OnboardingBindings } from "../env";
import type { CreateRoute, ListRoute, ResolveRoute } from "./complaints.routes";

function complaintView(r: ComplaintRow) {
  return {
    id: r.id,
    caseId: r.caseId,
    memberId: r.memberId,
    receivedOn: r.receivedOn,
    source: r.source,
    summary: r.summary,
    status: r.status,
    resolvedOn: r.resolvedOn,
    resolution: r.resolution,
    recordedAt: r.recordedAt,
    recordedBy: r.recordedBy,
    version: r.version,
  };
}

export const create: AppRouteHandler<CreateRoute, OnboardingBindings> = async (c) => {
  const { branchId, caseId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  const today = todayIn(tc.timeZone);
  const req = await writeRequest(c, 201);
  const result = await tenantWrite(tc, req, async ({ event }) => {
    const loaded = await loadCase(tc, caseId);
    requirePresent(loaded);
    const failures = checkComplaint({ stage: loaded.row.stage, receivedOn: body.receivedOn, today });
    if (failures.length) throw ruleViolation(failures);
    const row: ComplaintRow = {
      branchId: tc.branchId,
      id: newId("complaint"),
      districtId: tc.districtId,
      caseId,
      memberId: loaded.row.memberId,
      receivedOn: body.receivedOn,
      source: body.source ?? null,
      summary: body.summary,
      status: "open",
      resolvedOn: null,
      resolution: null,
      recordedAt: new Date().toISOString(),
      recordedBy: req.actor.principalId,
      resolvedAt: null,
      resolvedBy: null,
      version: 1,
    };
    return {
      statements: [insertComplaint(tc, row)],
      events: [
        event({
          action: "development.complaint_received",
          subjectType: "development_case",
          subjectId: caseId,
          after: { complaintId: row.id, receivedOn: row.receivedOn, source: row.source },
        }),
      ],
      result: complaintView(row),
    };
  });
  return c.json(result, 201);
};

export const resolve: AppRouteHandler<ResolveRoute, OnboardingBindings> = async (c) => {
  const { branchId, caseId, complaintId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  const today = todayIn(tc.timeZone);
  const req = await writeRequest(c);
  const result = await tenantWrite(tc, req, async ({ event }) => {
    const current = await getComplaint(tc, caseId, complaintId);
    if (!current) throw notFound();
    const failures = checkResolution({ ...current, resolvedOn: body.resolvedOn, today });
    if (failures.length) throw ruleViolation(failures);
    const resolution = {
      resolvedOn: body.resolvedOn,
      resolution: body.resolution,
      resolvedBy: req.actor.principalId,
      resolvedAt: new Date().toISOString(),
    };
    const after: ComplaintRow = {
      ...current,
      ...resolution,
      status: "resolved",
      version: current.version + 1,
    };
    return {
      statements: resolveComplaint(tc, current, resolution),
      events: [
        event({
          action: "development.complaint_resolved",
          subjectType: "development_case",
          subjectId: caseId,
          before: { complaintId, status: "open" },
          after: { complaintId, status: "resolved", resolvedOn: body.resolvedOn },
        }),
      ],
      result: complaintView(after),
    };
  });
  return c.json(result, 200);
};

export const list: AppRouteHandler<ListRoute, OnboardingBindings> = async (c) => {
  const { branchId, caseId } = c.req.valid("param");
  const { limit, cursor } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  if (!(await getCase(tc, caseId))) throw notFound();
  const after = decodeCursor(cursor);
  const rows = (await listComplaints(tc, caseId))
    .filter((r) => !after || r.id > after)
    .sort((a, b) => a.id.localeCompare(b.id));
  return c.json(
    page(rows, limit, (r) => r.id, complaintView),
    200,
  );
};
