import {
  DEFAULT_EVALUATION_RULES,
  EVALUATION_RULES_MODULE,
  type EvaluationRules,
  resolveEvaluationRules,
} from "@vanguard/domain";
import { insertRuleSet, latestRuleSet } from "../directory/rule-sets";
import type { DataPlane } from "../shards";

export interface VersionedEvaluationRules {
  /** 0 = the built-in defaults (docs/domain.md §Evaluation rule set) */
  version: number;
  rules: EvaluationRules;
}

const parse = (body: string): EvaluationRules => resolveEvaluationRules(JSON.parse(body));

export async function evaluationRules(
  plane: DataPlane,
  districtId: string,
): Promise<VersionedEvaluationRules> {
  const row = await latestRuleSet(plane, districtId, EVALUATION_RULES_MODULE);
  return row
    ? { version: row.version, rules: parse(row.body) }
    : { version: 0, rules: DEFAULT_EVALUATION_RULES };
}

export function insertEvaluationRules(
  plane: DataPlane,
  districtId: string,
  version: number,
  rules: EvaluationRules,
  by: string,
): D1PreparedStatement {
  return insertRuleSet(plane, {
    districtId,
    module: EVALUATION_RULES_MODULE,
    version,
    body: JSON.stringify(rules),
    createdAt: new Date().toISOString(),
    createdBy: by,
  });
}
