import { describe, expect, it } from "vitest";
import { checkEvaluationRules, DEFAULT_EVALUATION_RULES, type EvaluationRules } from "./rules";

const withRules = (patch: (r: EvaluationRules) => void): EvaluationRules => {
  const r = JSON.parse(JSON.stringify(DEFAULT_EVALUATION_RULES)) as EvaluationRules;
  patch(r);
  return r;
};

describe("the evaluations rule set", () => {
  it("accepts the defaults", () => {
    expect(checkEvaluationRules(DEFAULT_EVALUATION_RULES)).toEqual([]);
  });

  it("refuses a share above one and bands that do not descend to zero", () => {
    const bad = withRules((r) => {
      r.appraisal.excellentShare = { numerator: 4, denominator: 3 };
      r.inspection.bands = [
        { grade: "good", minPercent: 80 },
        { grade: "excellent", minPercent: 90 },
      ];
    });
    expect(checkEvaluationRules(bad).map((f) => f.rule)).toEqual([
      "rules_excellent_share",
      "rules_inspection_bands",
    ]);
    const noFloor = withRules((r) => {
      r.inspection.bands = [{ grade: "excellent", minPercent: 50 }];
    });
    expect(checkEvaluationRules(noFloor).map((f) => f.rule)).toEqual(["rules_inspection_bands"]);
  });
});
