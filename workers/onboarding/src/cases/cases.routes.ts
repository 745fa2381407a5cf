import { createRoute, z } from "@hono/zod-openapi";
import {
  errorResponses,
  ImportQuery,
  ImportReport,
  json,
  jsonBody,
  PageQuery,
  pageSchema,
  security,
  uploadBody,
  writeResponses,
} from "@vanguard/platform";
import { BranchParams, CaseParams } from "../shared/schemas";
import { CaseInput, CaseListItem, CaseListQuery, CaseView, CloseInput, TimelineEntry } from "./cases.schemas";

const tags = ["Development pipeline"];

export const create = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/development/cases",
  tags,
  security,
  summary: "Open a development case at step 1 (application)",
  description:
    "For a person on the roll (`memberId`) or a new one (`person`, added to the roll as an applicant). The applicant must be 18 on `appliedOn`. One open case per person.",
  request: { params: BranchParams, body: jsonBody(CaseInput) },
  responses: { 201: json(CaseView, "the case at step application"), ...writeResponses },
});

export const list = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/development/cases",
  tags,
  security,
  summary: "The branch's development cases (a member key sees its own)",
  request: { params: BranchParams, query: CaseListQuery },
  responses: { 200: json(pageSchema(CaseListItem), "a page of cases"), ...errorResponses },
});

export const get = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/development/cases/{caseId}",
  tags,
  security,
  summary: "A case: completed steps, next steps with the rules blocking them, deadlines",
  request: { params: CaseParams },
  responses: { 200: json(CaseView, "the case"), ...errorResponses },
});

export const timeline = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/development/cases/{caseId}/timeline",
  tags,
  security,
  summary: "Every recorded step, document and complaint of a case, in date order",
  request: { params: CaseParams, query: PageQuery },
  responses: { 200: json(pageSchema(TimelineEntry), "a page of the timeline"), ...errorResponses },
});

export const close = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/development/cases/{caseId}/close",
  tags,
  security,
  summary: "Close a case before admission (withdrawn, not to be developed)",
  request: { params: CaseParams, body: jsonBody(CloseInput) },
  responses: { 200: json(CaseView, "the closed case"), ...writeResponses },
});

export type CreateRoute = typeof create;
export type ListRoute = typeof list;
export type GetRoute = typeof get;
export type TimelineRoute = typeof timeline;
export type CloseRoute = typeof close;

export const importHistory = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/development/cases/import",
  tags,
  security,
  summary: "Import development cases under way (CSV or xlsx; ?dryRun=true to preview)",
  description:
    "For a branch joining mid-year: one person per line (身份证号, or 姓名 and 出生日期; 性别 too for someone not yet on the roll, who is added to it) with the date of each step already taken, in columns named by the step (its code or Chinese label, e.g. 递交入党申请书, 确定入党积极分子, 培养教育考察 — several dates may share that cell — 确定发展对象), and 材料 (document references, `title=ref; …`). The steps are recorded as imported history, marked on the timeline and not judged by today's gates; what comes next is judged normally. Steps recorded by the upper committee are imported with a district admin key. A step out of order, a date after today, a person not on the roll (without the details to add them) or one who already has an open case is rejected with the reason; a case already imported is reported unchanged.",
  request: {
    params: BranchParams,
    query: ImportQuery,
    body: uploadBody(
      "姓名,性别,出生日期,递交入党申请书,党组织派人谈话,确定入党积极分子\n周明,男,1999-05-01,2025-09-01,2025-09-15,2026-03-27",
    ),
  },
  responses: {
    200: json(
      ImportReport.extend({
        cases: z.array(
          z.object({ line: z.number().int(), caseId: z.string(), memberId: z.string(), stage: z.string() }),
        ),
      }).openapi("CaseImportReport"),
      "what was created, unchanged and rejected",
    ),
    ...writeResponses,
  },
});

export type ImportRoute = typeof importHistory;
