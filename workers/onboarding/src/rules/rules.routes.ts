import { createRoute, z } from "@hono/zod-openapi";
import { DEFAULT_STEP_EVIDENCE, EVIDENCE_DOCUMENT_CODES, STEP_CODES } from "@vanguard/domain";
import { errorResponses, json, jsonBody, security, writeResponses } from "@vanguard/platform";

const tags = ["Development pipeline"];
const DistrictParams = z.object({ districtId: z.string().max(64) });
const Months = (min: number, max: number) => z.number().int().min(min).max(max);

/**
 * The numbers of docs/domain.md §Pipeline rule set; a district publishes its own version (e.g. 40
 * training hours, 7 publicity days).
 */
const Rules = z
  .object({
    minAge: z.number().int().min(16).max(30),
    applicationTalkWithinMonths: Months(1, 6),
    cultivationReviewEveryMonths: Months(1, 12),
    cultivationMinMonths: Months(6, 36),
    basicTrainingMinHours: z.number().min(0).max(200),
    contacts: z.object({ min: z.number().int().min(1).max(5), max: z.number().int().min(1).max(5) }).strict(),
    introducers: z.number().int().min(1).max(3),
    intensiveTraining: z
      .object({ minHours: z.number().min(0).max(400), minDays: z.number().min(0).max(60) })
      .strict(),
    publicityWorkingDays: z.number().int().min(1).max(30),
    admissionApprovalWithinMonths: Months(1, 12),
    probationMonths: Months(6, 24),
    extension: z
      .object({
        minMonths: Months(1, 24),
        maxMonths: Months(1, 24),
        maxTimes: z.number().int().min(0).max(3),
      })
      .strict(),
    fullApprovalWithinMonths: Months(1, 12),
    serviceHours: z
      .object({
        beforeCandidate: z.number().min(0).max(500),
        beforeFull: z.number().min(0).max(500),
      })
      .strict()
      .optional()
      .openapi({
        description:
          "confirmed community-service hours (报到服务) required before candidate designation and before the full-membership vote; 0 = off (default)",
      }),
    evidence: z
      .object({
        enforcement: z.enum(["warn", "refuse"]).openapi({
          description:
            "a step missing its documents is recorded with a warning, or refused with a 422 naming them",
        }),
        required: z.partialRecord(z.enum(STEP_CODES), z.array(z.enum(EVIDENCE_DOCUMENT_CODES)).max(10)),
      })
      .strict()
      .default(DEFAULT_STEP_EVIDENCE)
      .openapi({
        description:
          "the documents each step requires (attachments of that kind); omitted: the national defaults",
      }),
  })
  .strict()
  .openapi("PipelineRules");

export const PipelineRulesView = z
  .object({
    districtId: z.string(),
    version: z.number().int().openapi({ description: "0 = the defaults in docs/domain.md, never stored" }),
    rules: Rules,
  })
  .openapi("PipelineRuleSet");

export const get = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}/development/rules",
  tags,
  security,
  summary: "The district's development-pipeline rule set (latest version)",
  request: { params: DistrictParams },
  responses: { 200: json(PipelineRulesView, "the rule set"), ...errorResponses },
});

export const put = createRoute({
  method: "put",
  path: "/v1/districts/{districtId}/development/rules",
  tags,
  security,
  summary: "Publish a new version of the district's pipeline rules; steps recorded later cite it",
  request: {
    params: DistrictParams,
    body: jsonBody(
      z
        .object({
          rules: Rules,
          version: z
            .number()
            .int()
            .min(0)
            .openapi({ description: "the version you read (0 for the defaults)" }),
        })
        .strict(),
    ),
  },
  responses: { 200: json(PipelineRulesView, "the new version"), ...writeResponses },
});

export type GetRoute = typeof get;
export type PutRoute = typeof put;
