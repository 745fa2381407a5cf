import {
  DEFAULT_PRACTICE_RULE_SET,
  PRACTICE_RULES_MODULE,
  type PracticeRules,
  resolvePracticeRules,
  type VersionedPracticeRules,
} from "@vanguard/domain";
import { insertRuleSet, latestRuleSet } from "../directory/rule-sets";
import type { DataPlane } from "../shards";

/** The district's practices rules; version 0 (docs/domain.md §Practices rule set) until one is stored. */
export async function practiceRuleSet(plane: DataPlane, districtId: string): Promise<VersionedPracticeRules> {
  const row = await latestRuleSet(plane, districtId, PRACTICE_RULES_MODULE);
  if (!row) return DEFAULT_PRACTICE_RULE_SET;
  return { version: row.version, rules: resolvePracticeRules(JSON.parse(row.body)) };
}

export function insertPracticeRuleSet(
  plane: DataPlane,
  r: { districtId: string; version: number; rules: PracticeRules; createdBy: string },
): D1PreparedStatement {
  return insertRuleSet(plane, {
    districtId: r.districtId,
    module: PRACTICE_RULES_MODULE,
    version: r.version,
    body: JSON.stringify(r.rules),
    createdAt: new Date().toISOString(),
    createdBy: r.createdBy,
  });
}
