import { createRoute, z } from "@hono/zod-openapi";
import { STUDY_FLAGS } from "@vanguard/domain";
import { json, jsonBody, ProblemSchema, security, Text, writeResponses } from "@vanguard/platform";
import { Code } from "../rules/rules.schema";

const tags = ["Study"];
const BranchParams = z.object({ branchId: z.string().max(64) });

export const ActivityInput = z
  .object({
    memberId: z.string().max(64),
    kind: Code.openapi({ description: "an activity kind of the district's rule set", example: "article" }),
    occurredAt: z.iso
      .datetime({ offset: true })
      .openapi({ example: "2026-11-27T08:30:00+08:00", description: "when it happened, with offset" }),
    durationSec: z
      .number()
      .int()
      .min(1)
      .max(86_400)
      .optional()
      .openapi({ description: "timed kinds: required; count kinds: optional, checked for plausibility" }),
    units: z
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: "count kinds: correct answers, items or points deducted (default 1)" }),
    ref: Text(200)
      .optional()
      .openapi({ description: "the article, video or quiz; the same one earns once a day" }),
  })
  .strict();

export const ActivityResult = z
  .object({
    id: z.string(),
    memberId: z.string(),
    kind: z.string(),
    day: z.string().openapi({ description: "the date it counts for, in the district's time zone" }),
    awarded: z.number().int(),
    deducted: z.number().int().openapi({ description: "points taken because it was flagged" }),
    capped: z.boolean(),
    flags: z.array(z.enum(STUDY_FLAGS)),
    dayTotal: z.number().int(),
    ruleVersion: z.number().int(),
  })
  .openapi("StudyActivityResult");

export const record = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/study/activities",
  tags,
  security,
  summary: "Record a study activity; answers what it earned under the day's caps",
  request: { params: BranchParams, body: jsonBody(ActivityInput) },
  responses: { 201: json(ActivityResult, "recorded"), ...writeResponses },
});

export const recordBatch = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/study/activities/batch",
  tags,
  security,
  summary: "Record up to 500 activities at once (a client syncing); refused ones are reported, the rest land",
  request: {
    params: BranchParams,
    body: jsonBody(z.object({ activities: z.array(ActivityInput).min(1).max(500) }).strict()),
  },
  responses: {
    201: json(
      z.object({
        recorded: z.number().int(),
        items: z.array(ActivityResult.extend({ index: z.number().int() })),
        rejected: z.array(z.object({ index: z.number().int(), errors: ProblemSchema.shape.errors.unwrap() })),
      }),
      "what landed and what was refused",
    ),
    ...writeResponses,
  },
});

export type RecordRoute = typeof record;
export type RecordBatchRoute = typeof recordBatch;
