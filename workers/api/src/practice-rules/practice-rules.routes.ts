import { z } from "@hono/zod-openapi";
import { PRACTICE_RULES_KIND, type PracticeRules } from "@vanguard/domain";
import { districtScope, ruleSetRoutes } from "@vanguard/platform";
import type { ApiBindings } from "../env";

const tags = ["Branch practices"];
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

export const practiceRuleRoutes = ruleSetRoutes<PracticeRules, ApiBindings>({
  kind: PRACTICE_RULES_KIND,
  path: "/v1/districts/{districtId}/practices/rules",
  tags,
  rules: Rules,
  name: "PracticeRuleSet",
  get: {
    summary:
      "The district's rule set for service, political birthdays, reflections, committee terms and elections",
  },
  put: { summary: "Publish a new version of the district's practices rules" },
  scope: districtScope,
});
