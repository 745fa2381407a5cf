import { createRoute, z } from "@hono/zod-openapi";
import { INSPECTION_STATUSES } from "@vanguard/domain";
import {
  errorResponses,
  json,
  jsonBody,
  PageQuery,
  Prose,
  pageSchema,
  security,
  writeResponses,
} from "@vanguard/platform";
import { BranchParams, DistrictParams, MemberRef, OptionalVersion, Quarter, Score } from "../shared/schemas";
import { Inspection, InspectionSummary } from "./inspections.schemas";

const tags = ["Evaluations: inspections"];
const OneParams = BranchParams.extend({ inspectionId: z.string().max(64) });
const optionalBody = <T extends z.ZodType>(schema: T) => ({
  required: false,
  content: { "application/json": { schema } },
});

export const create = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/inspections",
  tags,
  security,
  summary: "Open the quarter's inspection from a district template (the branch's self-assessment)",
  description:
    "One inspection per branch and quarter. It copies the template version it was opened with; later versions of the template do not change it.",
  request: {
    params: BranchParams,
    body: jsonBody(
      z
        .object({
          templateId: z.string().max(64),
          period: Quarter,
          templateVersion: z
            .number()
            .int()
            .min(1)
            .optional()
            .openapi({ description: "defaults to the latest" }),
        })
        .strict(),
    ),
  },
  responses: { 201: json(Inspection, "the inspection, in draft"), ...writeResponses },
});

export const list = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/inspections",
  summary: "The branch's inspections",
  tags,
  security,
  request: {
    params: BranchParams,
    query: PageQuery.extend({ period: Quarter.optional(), status: z.enum(INSPECTION_STATUSES).optional() }),
  },
  responses: { 200: json(pageSchema(InspectionSummary), "the branch's inspections"), ...errorResponses },
});

export const get = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/inspections/{inspectionId}",
  summary: "An inspection with its items and scores",
  tags,
  security,
  request: { params: OneParams },
  responses: { 200: json(Inspection, "the inspection with its items"), ...errorResponses },
});

export const assessItem = createRoute({
  method: "put",
  path: "/v1/branches/{branchId}/inspections/{inspectionId}/items/{code}",
  tags,
  security,
  summary: "The branch scores one item, with its evidence and the reason for any lost point",
  request: {
    params: OneParams.extend({ code: z.string().max(40) }),
    body: jsonBody(
      z
        .object({
          score: Score,
          evidence: Prose(2000).optional(),
          deductionReason: Prose(500).optional(),
          responsibleMemberId: MemberRef.optional().openapi({
            description:
              "whom the branch holds responsible for lost points (default: the owner post's holder)",
          }),
          version: OptionalVersion,
        })
        .strict(),
    ),
  },
  responses: { 200: json(Inspection, "the inspection"), ...writeResponses },
});

export const submit = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/inspections/{inspectionId}/submit",
  tags,
  security,
  summary: "Submit the self-assessment to the district",
  request: { params: OneParams, body: optionalBody(z.object({ version: OptionalVersion }).strict()) },
  responses: { 200: json(Inspection, "the inspection, submitted"), ...writeResponses },
});

export const review = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/inspections/{inspectionId}/review",
  tags,
  security,
  summary: "The district's review: final scores, and who answers for every lost point (district admins only)",
  description:
    "Items not listed keep the branch's self-assessed score. Every item that lost points is assigned to one member: the one named here, else the one the branch named, else the holder of the item's owner post, else the secretary. A reviewed inspection is frozen: any later change answers 422 `inspection_reviewed_frozen`.",
  request: {
    params: OneParams,
    body: optionalBody(
      z
        .object({
          items: z
            .array(
              z
                .object({
                  code: z.string().max(40),
                  score: Score.optional(),
                  deductionReason: Prose(500).optional(),
                  responsibleMemberId: MemberRef.optional(),
                })
                .strict(),
            )
            .max(100)
            .optional(),
          comment: Prose(2000).optional(),
          version: OptionalVersion,
        })
        .strict(),
    ),
  },
  responses: { 200: json(Inspection, "the inspection, reviewed"), ...writeResponses },
});

export const listDistrict = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}/evaluations/inspections",
  tags,
  security,
  summary: "Every branch's inspections, e.g. those awaiting review this quarter",
  request: {
    params: DistrictParams,
    query: PageQuery.extend({ period: Quarter.optional(), status: z.enum(INSPECTION_STATUSES).optional() }),
  },
  responses: { 200: json(pageSchema(InspectionSummary), "the district's inspections"), ...errorResponses },
});

export type CreateRoute = typeof create;
export type ListRoute = typeof list;
export type GetRoute = typeof get;
export type AssessItemRoute = typeof assessItem;
export type SubmitRoute = typeof submit;
export type ReviewRoute = typeof review;
export type ListDistrictRoute = typeof listDistrict;
