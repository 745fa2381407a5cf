import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, PageQuery, security } from "@vanguard/platform";
import { BranchParams, DistrictParams, MemberRef, Quarter } from "../shared/schemas";

const tags = ["Evaluations: inspections"];

const Deduction = z.object({
  branchId: z.string(),
  branchName: z.string().nullable(),
  inspectionId: z.string(),
  period: z.string(),
  code: z.string(),
  title: z.string(),
  maxScore: z.number(),
  finalScore: z.number(),
  deducted: z.number(),
  reason: z.string().nullable(),
  post: z.string().nullable().openapi({ description: "the member's post when the inspection was reviewed" }),
  via: z.string().nullable().openapi({ description: "district | branch | owner_post | secretary" }),
  reviewedAt: z.string().nullable(),
});

export const Accountability = z
  .object({
    from: z.string(),
    to: z.string(),
    items: z.array(
      z.object({
        memberId: z.string(),
        name: z.string(),
        points: z.number().openapi({ description: "points lost on items this member answers for" }),
        items: z.number().int(),
        deductions: z.array(Deduction),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .openapi("Accountability");

const Query = PageQuery.extend({
  from: Quarter.optional().openapi({ description: "first quarter; defaults to three quarters before `to`" }),
  to: Quarter.optional().openapi({ description: "last quarter; defaults to this quarter" }),
  memberId: MemberRef.optional(),
});

const description =
  "谁负责的事项导致丢分，谁受处罚: every committee member who answers for lost points in reviewed inspections, most points first, with each deduction.";

export const district = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}/evaluations/accountability",
  tags,
  security,
  summary: "Who lost which points, across the district",
  description,
  request: { params: DistrictParams, query: Query },
  responses: { 200: json(Accountability, "deductions per responsible member"), ...errorResponses },
});

export const branch = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/inspections/accountability",
  tags,
  security,
  summary: "Who lost which points, in this branch",
  description,
  request: { params: BranchParams, query: Query },
  responses: { 200: json(Accountability, "deductions per responsible member"), ...errorResponses },
});

export type DistrictRoute = typeof district;
export type BranchRoute = typeof branch;
