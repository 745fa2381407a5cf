import { z } from "@hono/zod-openapi";
import { COMMITTEE_POSTS, INSPECTION_GRADES, INSPECTION_STATUSES } from "@vanguard/domain";

export const InspectionItem = z
  .object({
    code: z.string(),
    title: z.string(),
    maxScore: z.number(),
    ownerPost: z.enum(COMMITTEE_POSTS).nullable(),
    selfScore: z.number().nullable(),
    evidence: z.string().nullable(),
    selfDeductionReason: z.string().nullable(),
    nomineeId: z.string().nullable().openapi({ description: "whom the branch named as responsible" }),
    finalScore: z.number().nullable(),
    deducted: z.number().nullable(),
    deductionReason: z.string().nullable(),
    responsible: z
      .object({
        memberId: z.string(),
        name: z.string().nullable(),
        post: z.string().nullable(),
        via: z.enum(["district", "branch", "owner_post", "secretary"]),
      })
      .nullable()
      .openapi({
        description: "after review: who answers for the lost points (谁负责的事项导致丢分，谁受处罚)",
      }),
  })
  .openapi("InspectionItem");

const header = {
  id: z.string(),
  districtId: z.string(),
  branchId: z.string(),
  period: z.string(),
  template: z.object({ id: z.string(), version: z.number().int(), name: z.string() }),
  status: z.enum(INSPECTION_STATUSES),
  maxTotal: z.number(),
  selfTotal: z.number().nullable(),
  finalTotal: z.number().nullable(),
  grade: z.enum(INSPECTION_GRADES).nullable(),
  ruleSetVersion: z
    .number()
    .int()
    .nullable()
    .openapi({ description: "the evaluations rule set the grade used" }),
  reviewComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
};

export const InspectionSummary = z
  .object({ ...header, branchName: z.string().nullable().optional() })
  .openapi("InspectionSummary");
export const Inspection = z.object({ ...header, items: z.array(InspectionItem) }).openapi("Inspection");
