import { createRoute, z } from "@hono/zod-openapi";
import { APPRAISAL_GRADES, APPRAISAL_STATUSES } from "@vanguard/domain";
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
import { BranchParams, MemberRef, OptionalVersion, Year, YearQuery } from "../shared/schemas";

const tags = ["Evaluations: appraisal (民主评议)"];
const OneParams = BranchParams.extend({ appraisalId: z.string().max(64) });
const Tally = z.object({
  excellent: z.number().int(),
  qualified: z.number().int(),
  basically_qualified: z.number().int(),
  unqualified: z.number().int(),
});

const header = {
  id: z.string(),
  branchId: z.string(),
  year: z.number().int(),
  status: z.enum(APPRAISAL_STATUSES),
  appraised: z.number().int().openapi({ description: "members on the roll who are still in the branch" }),
  excellentLimit: z.number().int().openapi({ description: "most excellent grades allowed (1/3 by default)" }),
  ruleSetVersion: z.number().int().nullable().openapi({ description: "fixed at finalize" }),
  counts: Tally.extend({ ungraded: z.number().int() }),
  openedAt: z.string(),
  finalizedAt: z.string().nullable(),
  version: z.number().int(),
};

export const GradeLine = z
  .object({
    memberId: z.string(),
    name: z.string().nullable(),
    left: z.boolean().openapi({ description: "has since left the branch (not counted)" }),
    grade: z.enum(APPRAISAL_GRADES).nullable(),
    selfGrade: z.enum(APPRAISAL_GRADES).nullable(),
    comment: z.string().nullable(),
    mutual: Tally.nullable().openapi({
      description:
        "mutual votes received, as totals: null until the appraisal is finalized (ballots are secret; who voted what is never recorded)",
    }),
  })
  .openapi("AppraisalGrade");

export const AppraisalSummary = z.object(header).openapi("AppraisalSummary");
export const Appraisal = z
  .object({
    ...header,
    grades: z.array(GradeLine).openapi({ description: "a member key sees its own line only" }),
  })
  .openapi("Appraisal");

export const GradeReceipt = z
  .object({
    appraisalId: z.string(),
    memberId: z.string(),
    by: z.enum(["committee", "mutual"]),
    grade: z
      .enum(APPRAISAL_GRADES)
      .nullable()
      .openapi({ description: "the committee's grade; null for a mutual ballot, which is secret" }),
    selfGrade: z.enum(APPRAISAL_GRADES).nullable(),
    comment: z.string().nullable(),
  })
  .openapi("AppraisalGradeReceipt");

export const open = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/appraisals",
  tags,
  security,
  summary:
    "Open the year's appraisal; its roll is every current probationary and full member who had joined by the end of that year",
  request: { params: BranchParams, body: jsonBody(z.object({ year: Year }).strict()) },
  responses: { 201: json(Appraisal, "the appraisal"), ...writeResponses },
});

export const list = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/appraisals",
  summary: "The branch's appraisals",
  tags,
  security,
  request: { params: BranchParams, query: PageQuery.extend({ year: YearQuery.optional() }) },
  responses: { 200: json(pageSchema(AppraisalSummary), "the branch's appraisals"), ...errorResponses },
});

export const get = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/appraisals/{appraisalId}",
  summary: "An appraisal: its roll, grades and, once fixed, the vote totals",
  tags,
  security,
  request: { params: OneParams },
  responses: { 200: json(Appraisal, "the appraisal with its grades"), ...errorResponses },
});

export const grade = createRoute({
  method: "put",
  path: "/v1/branches/{branchId}/appraisals/{appraisalId}/grades/{memberId}",
  tags,
  security,
  summary: "Grade a member: the committee's grade (branch admin) or a mutual vote (member key)",
  description:
    "Nobody grades themself (422 `appraisal_self_grading`). Excellent grades are capped at 1/3 of the roll, enforced at finalize. An unqualified grade needs a comment. A member's mutual vote is a secret ballot: it is counted on the ratee's line without any record of who cast it, cannot be changed once cast (422 `appraisal_vote_cast`), and the counts are shown only after finalize.",
  request: {
    params: OneParams.extend({ memberId: MemberRef }),
    body: jsonBody(
      z
        .object({
          grade: z.enum(APPRAISAL_GRADES),
          selfGrade: z.enum(APPRAISAL_GRADES).optional().openapi({
            description: "committee only: the grade the member gave themself in self-assessment",
          }),
          comment: Prose(1000).optional().openapi({ description: "committee only" }),
        })
        .strict(),
    ),
  },
  responses: { 200: json(GradeReceipt, "the grade or vote as recorded"), ...writeResponses },
});

export const finalize = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/appraisals/{appraisalId}/finalize",
  tags,
  security,
  summary: "Fix the grades: every member graded, excellent within the limit (422 otherwise)",
  request: {
    params: OneParams,
    body: {
      required: false,
      content: { "application/json": { schema: z.object({ version: OptionalVersion }).strict() } },
    },
  },
  responses: { 200: json(Appraisal, "the finalized appraisal"), ...writeResponses },
});

export type OpenRoute = typeof open;
export type ListRoute = typeof list;
export type GetRoute = typeof get;
export type GradeRoute = typeof grade;
export type FinalizeRoute = typeof finalize;
