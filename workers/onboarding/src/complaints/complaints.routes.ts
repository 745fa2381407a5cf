import { createRoute, z } from "@hono/zod-openapi";
import {
  errorResponses,
  json,
  jsonBody,
  PageQuery,
  pageSchema,
  security,
  writeResponses,
} from "@vanguard/platform";
import { CaseParams } from "../shared/schemas";
import { ComplaintInput, ComplaintView, ResolveInput } from "./complaints.schemas";

const tags = ["Development pipeline"];
const ComplaintParams = CaseParams.extend({ complaintId: z.string().max(64) });

export const create = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/development/cases/{caseId}/complaints",
  tags,
  security,
  summary: "Record a mass complaint (群众反映问题); while open it holds designation and the votes",
  request: { params: CaseParams, body: jsonBody(ComplaintInput) },
  responses: { 201: json(ComplaintView, "the complaint"), ...writeResponses },
});

export const resolve = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/development/cases/{caseId}/complaints/{complaintId}/resolve",
  tags,
  security,
  summary: "Resolve a complaint once it is looked into",
  request: { params: ComplaintParams, body: jsonBody(ResolveInput) },
  responses: { 200: json(ComplaintView, "the resolved complaint"), ...writeResponses },
});

export const list = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/development/cases/{caseId}/complaints",
  tags,
  security,
  summary: "A case's complaints, open and resolved",
  request: { params: CaseParams, query: PageQuery },
  responses: { 200: json(pageSchema(ComplaintView), "a page of complaints"), ...errorResponses },
});

export type CreateRoute = typeof create;
export type ResolveRoute = typeof resolve;
export type ListRoute = typeof list;
