import { districtWrite, newId } from "@vanguard/db";
import { getTemplate, insertRetirement, insertTemplate, listTemplates } from "@vanguard/db/evaluations";
import {
  checkTemplate,
  checkTemplateInUse,
  MANAGE_DISTRICT,
  READ_BRANCH,
  READ_DISTRICT,
  type RuleFailure,
  type TemplateItem,
  templateMaxTotal,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  conflictAs,
  decodeCursor,
  moduleBranch,
  moduleDistrict,
  notFound,
  ProblemError,
  page,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import type {
  CreateRoute,
  GetRoute,
  ListForBranchRoute,
  ListRoute,
  RetireRoute,
  ReviseRoute,
} from "./templates.routes";
import { templateView } from "./templates.view";

const NEWER_VERSION = {
  zh: "该模板已有更新的版本，请刷新后重试",
  en: "A newer version of this template exists; reload and retry",
};

function refuse(failures: RuleFailure[]): void {
  if (failures.length) throw ruleViolation(failures);
}

function checked(items: TemplateItem[]): TemplateItem[] {
  const failures = checkTemplate(items);
  if (failures.length) throw ruleViolation(failures);
  return items.map((i) => ({ ...i, ownerPost: i.ownerPost ?? null }));
}

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const { districtId } = c.req.valid("param");
  const body = c.req.valid("json");
  const dc = moduleDistrict(c, districtId, MANAGE_DISTRICT);
  const items = checked(body.items);
  const row = {
    id: newId("inspectionTemplate"),
    version: 1,
    name: body.name,
    items,
    maxTotal: templateMaxTotal(items),
    createdAt: new Date().toISOString(),
    createdBy: c.get("principal").id,
  };
  const view = templateView({ ...row, districtId, retiredAt: null });
  const result = await districtWrite(dc, await writeRequest(c, 201), async ({ event }) => ({
    statements: [insertTemplate(dc, row)],
    events: [
      event({
        action: "inspection_template.created",
        subjectType: "inspection_template",
        subjectId: row.id,
        after: view,
      }),
    ],
    result: view,
  }));
  return c.json(result, 201);
};

export const revise: AppRouteHandler<ReviseRoute> = async (c) => {
  const { districtId, templateId } = c.req.valid("param");
  const body = c.req.valid("json");
  const dc = moduleDistrict(c, districtId, MANAGE_DISTRICT);
  const items = checked(body.items);
  const result = await districtWrite(dc, await writeRequest(c), async ({ event }) => {
    const current = await getTemplate(dc, templateId);
    if (!current) throw notFound();
    refuse(checkTemplateInUse(current));
    if (current.version !== body.version) throw new ProblemError("version_conflict", NEWER_VERSION);
    const row = {
      id: templateId,
      version: current.version + 1,
      name: body.name,
      items,
      maxTotal: templateMaxTotal(items),
      createdAt: new Date().toISOString(),
      createdBy: c.get("principal").id,
    };
    const view = templateView({ ...row, districtId, retiredAt: null });
    return {
      statements: [insertTemplate(dc, row)],
      events: [
        event({
          action: "inspection_template.revised",
          subjectType: "inspection_template",
          subjectId: templateId,
          before: templateView(current),
          after: view,
        }),
      ],
      result: view,
    };
  }).catch(conflictAs(NEWER_VERSION));
  return c.json(result, 200);
};

export const retire: AppRouteHandler<RetireRoute> = async (c) => {
  const { districtId, templateId } = c.req.valid("param");
  const { reason } = c.req.valid("json");
  const dc = moduleDistrict(c, districtId, MANAGE_DISTRICT);
  const result = await districtWrite(dc, await writeRequest(c), async ({ event }) => {
    const current = await getTemplate(dc, templateId);
    if (!current) throw notFound();
    refuse(checkTemplateInUse(current));
    const retiredAt = new Date().toISOString();
    const view = templateView({ ...current, retiredAt });
    return {
      statements: [insertRetirement(dc, { templateId, reason, retiredAt, retiredBy: c.get("principal").id })],
      events: [
        event({
          action: "inspection_template.retired",
          subjectType: "inspection_template",
          subjectId: templateId,
          after: { retiredAt, reason, version: current.version },
        }),
      ],
      result: view,
    };
  });
  return c.json(result, 200);
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const { districtId } = c.req.valid("param");
  const { limit, cursor } = c.req.valid("query");
  const dc = moduleDistrict(c, districtId, READ_DISTRICT);
  const rows = await listTemplates(dc, { limit: limit + 1, after: decodeCursor(cursor) });
  return c.json(
    page(rows, limit, (t) => t.id, templateView),
    200,
  );
};

export const get: AppRouteHandler<GetRoute> = async (c) => {
  const { districtId, templateId } = c.req.valid("param");
  const { version } = c.req.valid("query");
  const dc = moduleDistrict(c, districtId, READ_DISTRICT);
  const t = await getTemplate(dc, templateId, version);
  if (!t) throw notFound();
  return c.json(templateView(t), 200);
};

export const listForBranch: AppRouteHandler<ListForBranchRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const rows = await listTemplates(tc, { limit: limit + 1, after: decodeCursor(cursor), inUse: true });
  return c.json(
    page(rows, limit, (t) => t.id, templateView),
    200,
  );
};
