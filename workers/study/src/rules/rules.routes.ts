import { STUDY_RULES_KIND } from "@vanguard/domain";
import { moduleDistrict, ruleSetRoutes } from "@vanguard/platform";
import { forgetLatest } from "./rule-sets";
import { StudyRulesInput } from "./rules.schema";

/** The district's study rule set: points, caps, anti-farming, ranking visibility, meeting cadences. */
export const studyRules = ruleSetRoutes({
  kind: STUDY_RULES_KIND,
  path: "/v1/districts/{districtId}/study/rules",
  tags: ["Study"],
  rules: StudyRulesInput,
  name: "StudyRuleSet",
  get: {
    summary:
      "The district's study rule set: points, caps, anti-farming, ranking visibility, meeting cadences",
  },
  put: { summary: "Publish a new version of the rule set; days already scored keep the version they used" },
  scope: moduleDistrict,
  // the flattened body of the first study API (the rules beside `version`), until the next version
  legacy: {
    is: (b) => "kinds" in b,
    read: ({ version, districtId: _sent, createdAt: _ignored, ...rules }) => ({ version, rules }),
    since: "2026-12-03",
  },
  published: forgetLatest,
});
