import { createRoute, z } from "@hono/zod-openapi";
import { BRANCH_KINDS } from "@vanguard/domain";
import {
  errorResponses,
  IsoDate,
  json,
  jsonBody,
  Name,
  PageQuery,
  pageSchema,
  security,
  Version,
  writeResponses,
} from "@vanguard/platform";

export const Branch = z
  .object({
    id: z.string(),
    districtId: z.string(),
    parentId: z.string().nullable(),
    path: z.string().openapi({ description: "materialized org-tree path" }),
    kind: z.enum(BRANCH_KINDS),
    name: z.string(),
    foundedOn: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi("Branch");

export const CreateBranch = z
  .object({
    name: Name(100).openapi({ example: "经济信息中心党支部" }),
    kind: z.enum(BRANCH_KINDS),
    parentId: z.string().max(64).optional(),
    foundedOn: IsoDate,
  })
  .strict();

export const PatchBranch = z
  .object({ version: Version, name: Name(100).optional(), foundedOn: IsoDate.optional() })
  .strict();

const tags = ["Platform"];
const DistrictParams = z.object({ districtId: z.string().max(64) });
const BranchParams = z.object({ branchId: z.string().max(64) });

export const create = createRoute({
  method: "post",
  path: "/v1/districts/{districtId}/branches",
  tags,
  security,
  summary: "Provision a branch (district_admin)",
  request: { params: DistrictParams, body: jsonBody(CreateBranch) },
  responses: { 201: json(Branch, "the branch"), ...writeResponses },
});

export const list = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}/branches",
  tags,
  security,
  request: { params: DistrictParams, query: PageQuery },
  responses: { 200: json(pageSchema(Branch), "a page of branches"), ...errorResponses },
});

export const get = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}",
  tags,
  security,
  request: { params: BranchParams },
  responses: { 200: json(Branch, "the branch"), ...errorResponses },
});

export const patch = createRoute({
  method: "patch",
  path: "/v1/branches/{branchId}",
  tags,
  security,
  request: { params: BranchParams, body: jsonBody(PatchBranch) },
  responses: { 200: json(Branch, "the branch"), ...writeResponses },
});

export type CreateRoute = typeof create;
export type ListRoute = typeof list;
export type GetRoute = typeof get;
export type PatchRoute = typeof patch;
