import { createRoute, z } from "@hono/zod-openapi";
import { COMMITTEE_POSTS } from "@vanguard/domain";
import {
  errorResponses,
  json,
  jsonBody,
  Name,
  PageQuery,
  Prose,
  pageSchema,
  security,
  Version,
  writeResponses,
} from "@vanguard/platform";
import { BranchParams, DistrictParams } from "../shared/schemas";

const tags = ["Evaluations: inspections"];

export const TemplateItem = z
  .object({
    code: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: "应为小写字母开头的编码|must be a lower-case code" })
      .openapi({ example: "meetings" }),
    title: Prose(200).openapi({ example: "三会一课：支委会每月、党员大会每季度" }),
    maxScore: z.number().positive().max(1000).multipleOf(0.1).openapi({ multipleOf: 0.1, example: 20 }),
    ownerPost: z
      .enum(COMMITTEE_POSTS)
      .nullable()
      .optional()
      .openapi({ description: "the committee post that answers for this item (一岗双责)" }),
  })
  .strict()
  .openapi("InspectionTemplateItem");

export const Template = z
  .object({
    id: z.string(),
    districtId: z.string(),
    name: z.string(),
    version: z
      .number()
      .int()
      .openapi({ description: "each change is a new version; inspections keep theirs" }),
    items: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        maxScore: z.number(),
        ownerPost: z.enum(COMMITTEE_POSTS).nullable(),
      }),
    ),
    maxTotal: z.number(),
    createdAt: z.string(),
    retiredAt: z.string().nullable().openapi({
      description: "when the district stopped using it: no new inspection or version may start from it",
    }),
  })
  .openapi("InspectionTemplate");

const TemplateInput = z.object({ name: Name(100), items: z.array(TemplateItem).min(1).max(100) }).strict();
const TemplateParams = DistrictParams.extend({ templateId: z.string().max(64) });

export const create = createRoute({
  method: "post",
  path: "/v1/districts/{districtId}/inspection-templates",
  tags,
  security,
  summary: "Define a quarterly inspection checklist (每季度党建工作检查表)",
  request: { params: DistrictParams, body: jsonBody(TemplateInput) },
  responses: { 201: json(Template, "the template at version 1"), ...writeResponses },
});

export const revise = createRoute({
  method: "put",
  path: "/v1/districts/{districtId}/inspection-templates/{templateId}",
  tags,
  security,
  summary: "Publish a new version of a template (inspections already opened keep theirs)",
  request: { params: TemplateParams, body: jsonBody(TemplateInput.extend({ version: Version })) },
  responses: { 200: json(Template, "the new version"), ...writeResponses },
});

export const retire = createRoute({
  method: "post",
  path: "/v1/districts/{districtId}/inspection-templates/{templateId}/retire",
  tags,
  security,
  summary: "Stop using a template: inspections already made on it keep it, new ones cannot start from it",
  request: {
    params: TemplateParams,
    body: jsonBody(z.object({ reason: Prose(500).openapi({ example: "已由2026年版检查表替代" }) }).strict()),
  },
  responses: { 200: json(Template, "the template, retired"), ...writeResponses },
});

export const list = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}/inspection-templates",
  summary: "The district's inspection templates",
  tags,
  security,
  request: { params: DistrictParams, query: PageQuery },
  responses: { 200: json(pageSchema(Template), "the latest version of each template"), ...errorResponses },
});

export const get = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}/inspection-templates/{templateId}",
  summary: "An inspection template with its items",
  tags,
  security,
  request: {
    params: TemplateParams,
    query: z.object({
      version: z.coerce.number().int().min(1).optional().openapi({ description: "defaults to the latest" }),
    }),
  },
  responses: { 200: json(Template, "the template"), ...errorResponses },
});

export const listForBranch = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/inspections/templates",
  tags,
  security,
  summary: "The district's templates in use, as the branch chooses one for an inspection",
  request: { params: BranchParams, query: PageQuery },
  responses: { 200: json(pageSchema(Template), "the latest version of each template"), ...errorResponses },
});

export type CreateRoute = typeof create;
export type ReviseRoute = typeof revise;
export type RetireRoute = typeof retire;
export type ListRoute = typeof list;
export type GetRoute = typeof get;
export type ListForBranchRoute = typeof listForBranch;
