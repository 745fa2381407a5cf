import { createRoute, z } from "@hono/zod-openapi";
import { INSPECTION_GRADES } from "@vanguard/domain";
import { errorResponses, json, jsonBody, security, writeResponses } from "@vanguard/platform";
import { DistrictParams } from "../shared/schemas";

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

export const EvaluationRulesView = z
  .object({
    districtId: z.string(),
    version: z.number().int().openapi({ description: "0 = the built-in defaults" }),
    rules: Rules,
  })
  .openapi("EvaluationRules");

export const get = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}/evaluations/rules",
  tags,
  security,
  summary: "The district's evaluations rule set (latest version)",
  request: { params: DistrictParams },
  responses: { 200: json(EvaluationRulesView, "the rule set"), ...errorResponses },
});

export const put = createRoute({
  method: "put",
  path: "/v1/districts/{districtId}/evaluations/rules",
  tags,
  security,
  summary: "Publish a new version of the district's evaluations rule set",
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
  responses: { 200: json(EvaluationRulesView, "the new version"), ...writeResponses },
});

export type GetRoute = typeof get;
export type PutRoute = typeof put;
