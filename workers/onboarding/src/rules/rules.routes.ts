import { z } from "@hono/zod-openapi";
import {
  DEFAULT_STEP_EVIDENCE,
  EVIDENCE_DOCUMENT_CODES,
  PIPELINE_RULES_KIND,
  STEP_CODES,
} from "@vanguard/domain";
import { moduleDistrict, ruleSetRoutes } from "@vanguard/platform";
import { forgetPipelineRules } from "./view-rules";

const tags = ["Development pipeline"];
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

export const pipelineRules = ruleSetRoutes({
  kind: PIPELINE_RULES_KIND,
  path: "/v1/districts/{districtId}/development/rules",
  tags,
  rules: Rules,
  name: "PipelineRuleSet",
  get: { summary: "The district's development-pipeline rule set (latest version)" },
  put: { summary: "Publish a new version of the district's pipeline rules; steps recorded later cite it" },
  scope: moduleDistrict,
  published: forgetPipelineRules,
});
