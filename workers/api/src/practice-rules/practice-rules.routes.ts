import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, jsonBody, security, writeResponses } from "@vanguard/platform";

const tags = ["Branch practices"];
const DistrictParams = z.object({ districtId: z.string().max(64) });
const Fraction = z
  .object({ numerator: z.number().int().min(1).max(100), denominator: z.number().int().min(1).max(100) })
  .strict();

/** The numbers of docs/domain.md §Practices rule set. */
const Rules = z
  .object({
    service: z
      .object({ codeValidDays: z.number().int().min(1).max(365), quarterlyWarning: z.boolean() })
      .strict(),
    birthdays: z.object({ lookaheadDays: z.number().int().min(1).max(31) }).strict(),
    reflections: z
      .object({
        minChars: z.number().int().min(1).max(20_000),
        maxChars: z.number().int().min(1).max(20_000),
      })
      .strict(),
    committee: z
      .object({ termYears: z.number().int().min(3).max(5), warnDaysBefore: z.number().int().min(0).max(365) })
      .strict(),
    election: z
      .object({ candidateMarginPercent: z.number().int().min(0).max(100), majorityOfPresent: Fraction })
      .strict(),
  })
  .strict()
  .openapi("PracticeRules");

export const PracticeRulesView = z
  .object({
    districtId: z.string(),
    version: z.number().int().openapi({ description: "0 = the defaults" }),
    rules: Rules,
  })
  .openapi("PracticeRuleSet");

export const get = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}/practices/rules",
  tags,
  security,
  summary:
    "The district's rule set for service, political birthdays, reflections, committee terms and elections",
  request: { params: DistrictParams },
  responses: { 200: json(PracticeRulesView, "the rule set"), ...errorResponses },
});

export const put = createRoute({
  method: "put",
  path: "/v1/districts/{districtId}/practices/rules",
  tags,
  security,
  summary: "Publish a new version of the district's practices rules",
  request: {
    params: DistrictParams,
    body: jsonBody(z.object({ rules: Rules, version: z.number().int().min(0) }).strict()),
  },
  responses: { 200: json(PracticeRulesView, "the new version"), ...writeResponses },
});

export type GetRoute = typeof get;
export type PutRoute = typeof put;
