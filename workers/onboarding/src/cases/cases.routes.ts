import { createRoute } from "@hono/zod-openapi";
import {
  errorResponses,
  json,
  jsonBody,
  PageQuery,
  pageSchema,
  security,
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
