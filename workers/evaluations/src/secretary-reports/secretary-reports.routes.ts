import { createRoute, z } from "@hono/zod-openapi";
import { SECRETARY_REPORT_RATINGS, SECRETARY_REPORT_STATUSES } from "@vanguard/domain";
import {
  errorResponses,
  IsoDate,
  json,
  jsonBody,
  PageQuery,
  Prose,
  pageSchema,
  security,
  writeResponses,
} from "@vanguard/platform";
import { BranchParams, MemberRef, OptionalVersion, Year, YearQuery } from "../shared/schemas";

const tags = ["Evaluations: secretary's report (述职述廉)"];
const OneParams = BranchParams.extend({ reportId: z.string().max(64) });

export const SecretaryReport = z
  .object({
    id: z.string(),
    branchId: z.string(),
    year: z.number().int(),
    secretaryId: z.string(),
    secretaryName: z.string(),
    deliveredOn: z.string(),
    dutyReport: z.string().openapi({ description: "述职: the year's party work" }),
    integrityReport: z.string().openapi({ description: "述廉: integrity and self-discipline" }),
    status: z.enum(SECRETARY_REPORT_STATUSES),
    rating: z
      .enum(SECRETARY_REPORT_RATINGS)
      .nullable()
      .openapi({ description: "好/较好/一般/差, by the district" }),
    reviewComment: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .openapi("SecretaryReport");

export const create = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/secretary-reports",
  tags,
  security,
  summary: "File the secretary's annual report on duty and integrity",
  request: {
    params: BranchParams,
    body: jsonBody(
      z
        .object({
          year: Year,
          deliveredOn: IsoDate,
          dutyReport: Prose(20_000),
          integrityReport: Prose(20_000),
          secretaryId: MemberRef.optional().openapi({ description: "defaults to the committee's secretary" }),
        })
        .strict(),
    ),
  },
  responses: { 201: json(SecretaryReport, "the report"), ...writeResponses },
});

export const list = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/secretary-reports",
  summary: "The secretary's reports",
  tags,
  security,
  request: { params: BranchParams, query: PageQuery.extend({ year: YearQuery.optional() }) },
  responses: { 200: json(pageSchema(SecretaryReport), "the branch's reports"), ...errorResponses },
});

export const get = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/secretary-reports/{reportId}",
  summary: "A secretary's report",
  tags,
  security,
  request: { params: OneParams },
  responses: { 200: json(SecretaryReport, "the report"), ...errorResponses },
});

export const review = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/secretary-reports/{reportId}/review",
  tags,
  security,
  summary: "The district rates the report (district admins only)",
  request: {
    params: OneParams,
    body: jsonBody(
      z
        .object({
          rating: z.enum(SECRETARY_REPORT_RATINGS),
          comment: Prose(2000).optional(),
          version: OptionalVersion,
        })
        .strict(),
    ),
  },
  responses: { 200: json(SecretaryReport, "the rated report"), ...writeResponses },
});

export type CreateRoute = typeof create;
export type ListRoute = typeof list;
export type GetRoute = typeof get;
export type ReviewRoute = typeof review;
