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
    recordsFrom: z.string().openapi({
      description:
        "the first day of the unit's records on the platform: audits, compliance, dues arrears, study and reports judge only periods that start on or after it (docs/adoption.md)",
    }),
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
    recordsFrom: IsoDate.optional().openapi({
      description: "default: the day the unit is created on the platform",
    }),
  })
  .strict();

export const SetRecordsFrom = z
  .object({
    version: Version,
    recordsFrom: IsoDate,
    reason: Name(500).openapi({ example: "已导入本年度1月起的全部会议和党费记录" }),
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
  summary: "The district's branches, a page at a time",
  tags,
  security,
  request: { params: DistrictParams, query: PageQuery },
  responses: { 200: json(pageSchema(Branch), "a page of branches"), ...errorResponses },
});

export const get = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}",
  summary: "A branch",
  tags,
  security,
  request: { params: BranchParams },
  responses: { 200: json(Branch, "the branch"), ...errorResponses },
});

export const patch = createRoute({
  method: "patch",
  path: "/v1/branches/{branchId}",
  summary: "Rename a branch or correct its founding date (with the version read)",
  tags,
  security,
  request: { params: BranchParams, body: jsonBody(PatchBranch) },
  responses: { 200: json(Branch, "the branch"), ...writeResponses },
});

export const setRecordsFrom = createRoute({
  method: "put",
  path: "/v1/branches/{branchId}/records-from",
  tags,
  security,
  summary: "Move the day the unit's records start (district_admin; with a reason, logged)",
  description:
    "Periods that start before this day are not judged. A district moves it back once a branch's earlier history is imported complete, or forward when what came before is not to be judged.",
  request: { params: BranchParams, body: jsonBody(SetRecordsFrom) },
  responses: { 200: json(Branch, "the branch"), ...writeResponses },
});

export type CreateRoute = typeof create;
export type SetRecordsFromRoute = typeof setRecordsFrom;
export type ListRoute = typeof list;
export type GetRoute = typeof get;
export type PatchRoute = typeof patch;
