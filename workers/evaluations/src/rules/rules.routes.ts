import { z } from "@hono/zod-openapi";
import { EVALUATION_RULES_KIND, INSPECTION_GRADES } from "@vanguard/domain";
import { moduleDistrict, ruleSetRoutes } from "@vanguard/platform";

const tags = ["Evaluations: rules"];

const Rules = z.object({
  appraisal: z
    .object({
      excellentShare: z
        .object({
          numerator: z.number().int().min(0).max(100),
          denominator: z.number().int().min(1).max(100),
        })
        .strict()
        .openapi({ description: "excellent grades ≤ this share of the members appraised (default 1/3)" }),
    })
    .strict(),
  inspection: z
    .object({
      bands: z
        .array(
          z.object({ grade: z.enum(INSPECTION_GRADES), minPercent: z.number().min(0).max(100) }).strict(),
        )
        .min(1)
        .max(4)
        .openapi({
          description: "grade bands on the share of the maximum score, highest first, the last at 0",
        }),
      submitGraceDays: z.number().int().min(0).max(90),
    })
    .strict(),
  dutyTasks: z.object({ verifyGraceDays: z.number().int().min(0).max(31) }).strict(),
});

export const evaluationRules = ruleSetRoutes({
  kind: EVALUATION_RULES_KIND,
  path: "/v1/districts/{districtId}/evaluations/rules",
  tags,
  rules: Rules,
  name: "EvaluationRules",
  get: { summary: "The district's evaluations rule set (latest version)" },
  put: { summary: "Publish a new version of the district's evaluations rule set" },
  scope: moduleDistrict,
});
