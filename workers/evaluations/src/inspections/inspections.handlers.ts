import { newId, tenantWrite } from "@vanguard/db";
import {
  branchNames,
  getInspection,
  getInspectionForPeriod,
  getTemplate,
  insertInspection,
  listDistrictInspections,
  listInspections,
  newInspectionItemRows,
  newInspectionRow,
} from "@vanguard/db/evaluations";
import {
  BRANCH_ONLY,
  checkInspectionPeriod,
  checkTemplateInUse,
  READ_BRANCH,
  READ_DISTRICT,
  todayIn,
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
  writeRequest,
} from "@vanguard/platform";
import { refuse } from "./inspection-checks";
import type { CreateRoute, GetRoute, ListDistrictRoute, ListRoute } from "./inspections.routes";
import { inspectionSummary, inspectionView } from "./inspections.view";

// Opening an inspection and reading them; the self-assessment is in inspections.assess.ts, the
// district's review in inspections.review.ts.

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, BRANCH_ONLY);
  refuse(checkInspectionPeriod(body.period, todayIn(tc.timeZone)));
  const taken = {
    zh: `本支部 ${body.period} 的检查已经建立`,
    en: `The branch already has an inspection for ${body.period}`,
  };
  const result = await tenantWrite(tc, await writeRequest(c, 201), async ({ event }) => {
    const template = await getTemplate(tc, body.templateId, body.templateVersion);
    if (!template) throw notFound({ zh: "检查模板不存在", en: "No such inspection template" });
    refuse(checkTemplateInUse(template));
    if (await getInspectionForPeriod(tc, body.period)) throw new ProblemError("conflict", taken);
    const _now = new Date().toISOString();
    const row = newInspectionRow(tc, {
      id: newId("inspection"),
      period: body.period,
      template,
      by: c.get("principal").id,
      at: new Date().toISOString(),
    });
    const items = newInspectionItemRows(row, template.items);
    const view = inspectionView(row, items);
    return {
      statements: insertInspection(tc, row, items),
      events: [
        event({
          action: "inspection.opened",
          subjectType: "inspection",
          subjectId: row.id,
          after: inspectionSummary(row),
        }),
      ],
      result: view,
    };
  }).catch(conflictAs(taken));
  return c.json(result, 201);
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor, period, status } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const rows = await listInspections(tc, { limit: limit + 1, after: decodeCursor(cursor), period, status });
  return c.json(
    page(
      rows,
      limit,
      (i) => i.id,
      (i) => inspectionSummary(i),
    ),
    200,
  );
};

export const get: AppRouteHandler<GetRoute> = async (c) => {
  const { branchId, inspectionId } = c.req.valid("param");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const found = await getInspection(tc, inspectionId);
  if (!found) throw notFound();
  return c.json(inspectionView(found.inspection, found.items), 200);
};

export const listDistrict: AppRouteHandler<ListDistrictRoute> = async (c) => {
  const { districtId } = c.req.valid("param");
  const { limit, cursor, period, status } = c.req.valid("query");
  const dc = moduleDistrict(c, districtId, READ_DISTRICT);
  const rows = await listDistrictInspections(dc, {
    limit: limit + 1,
    after: decodeCursor(cursor),
    period,
    status,
  });
  const paged = page(rows, limit, (i) => i.id);
  const names = await branchNames(
    c.get("plane"),
    districtId,
    paged.items.map((i) => i.branchId),
  );
  return c.json(
    {
      items: paged.items.map((i) => inspectionSummary(i, names.get(i.branchId) ?? null)),
      nextCursor: paged.nextCursor,
    },
    200,
  );
};
