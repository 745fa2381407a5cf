import { createRoute, z } from "@hono/zod-openapi";
import { FINDING_SEVERITIES, FINDING_STATUSES } from "@vanguard/domain";
import {
  errorResponses,
  json,
  PageQuery,
  Prose,
  pageSchema,
  security,
  writeResponses,
} from "@vanguard/platform";

const tags = ["Audits"];

export const Finding = z
  .object({
    id: z.string(),
    branchId: z.string(),
    rule: z.string(),
    subject: z.object({ type: z.string(), id: z.string() }),
    severity: z.enum(FINDING_SEVERITIES),
    period: z.string(),
    dueBy: z.string().nullable(),
    status: z.enum(FINDING_STATUSES),
    message: z.string().openapi({ description: "in the caller's language" }),
    facts: z.record(z.string(), z.unknown()),
    openedAt: z.string(),
    lastSeenOn: z.string(),
    acknowledgedAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    resolution: z.enum(["cleared", "manual"]).nullable(),
    note: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi("Finding");

const Params = z.object({ branchId: z.string().max(64) });
const OneParams = Params.extend({ findingId: z.string().max(64) });
const Note = z.object({ note: Prose(500).optional(), version: z.number().int().min(1).optional() }).strict();

export const listBranch = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/findings",
  summary: "The branch's audit findings",
  tags,
  security,
  request: { params: Params, query: PageQuery.extend({ status: z.enum(FINDING_STATUSES).optional() }) },
  responses: { 200: json(pageSchema(Finding), "the branch's findings"), ...errorResponses },
});

export const listDistrict = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}/findings",
  summary: "The district's audit findings",
  tags,
  security,
  request: {
    params: z.object({ districtId: z.string().max(64) }),
    query: PageQuery.extend({ status: z.enum(FINDING_STATUSES).optional() }),
  },
  responses: {
    200: json(pageSchema(Finding), "findings of every branch of the district"),
    ...errorResponses,
  },
});

export const acknowledge = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/findings/{findingId}/acknowledge",
  tags,
  security,
  summary: "The branch has seen it and is acting on it",
  request: {
    params: OneParams,
    body: { required: false, content: { "application/json": { schema: Note } } },
  },
  responses: { 200: json(Finding, "the finding"), ...writeResponses },
});

export const resolve = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/findings/{findingId}/resolve",
  tags,
  security,
  summary: "Close a finding by hand (a run also closes it when the condition is gone)",
  request: {
    params: OneParams,
    body: { required: false, content: { "application/json": { schema: Note } } },
  },
  responses: { 200: json(Finding, "the finding"), ...writeResponses },
});

export type ListBranchRoute = typeof listBranch;
export type ListDistrictRoute = typeof listDistrict;
export type AcknowledgeRoute = typeof acknowledge;
export type ResolveRoute = typeof resolve;
