import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, jsonBody, security, writeResponses } from "@vanguard/platform";
import { RuleSet, StudyRulesInput } from "./rules.schema";

const tags = ["Study"];
const DistrictParams = z.object({ districtId: z.string().max(64) });

export const get = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}/study/rules",
  tags,
  security,
  summary: "The district's study rule set: points, caps, anti-farming, ranking visibility, meeting cadences",
  request: { params: DistrictParams },
  responses: { 200: json(RuleSet, "the current version"), ...errorResponses },
});

export const put = createRoute({
  method: "put",
  path: "/v1/districts/{districtId}/study/rules",
  tags,
  security,
  summary: "Publish a new version of the rule set; days already scored keep the version they used",
  request: {
    params: DistrictParams,
    body: jsonBody(
      StudyRulesInput.extend({
        version: z
          .number()
          .int()
          .min(0)
          .openapi({ description: "the version you read (0 for the default); a stale one answers 409" }),
        // what GET answers may be sent back as is
        districtId: z.string().max(64).optional().openapi({ description: "ignored" }),
        createdAt: z.string().max(64).nullable().optional().openapi({ description: "ignored" }),
      }).strict(),
    ),
  },
  responses: { 200: json(RuleSet, "the new version"), ...writeResponses },
});

export type GetRoute = typeof get;
export type PutRoute = typeof put;
