import { DEFAULT_EVIDENCE_RULES, type EvidenceRules, resolveEvidenceRules } from "@vanguard/domain";
import { insertRuleSet, latestRuleSet } from "../directory/rule-sets";
import type { DataPlane } from "../shards";

/** The `rule_sets.module` of evidence (the branch quota). */
export const EVIDENCE_MODULE = "evidence";

export async function evidenceRuleSet(
  plane: DataPlane,
  districtId: string,
): Promise<{ version: number; rules: EvidenceRules }> {
  const row = await latestRuleSet(plane, districtId, EVIDENCE_MODULE);
  if (!row) return { version: 0, rules: DEFAULT_EVIDENCE_RULES };
  return { version: row.version, rules: resolveEvidenceRules(JSON.parse(row.body)) };
}

export function insertEvidenceRuleSet(
  plane: DataPlane,
  r: { districtId: string; version: number; rules: EvidenceRules; createdAt: string; createdBy: string },
): D1PreparedStatement {
  return insertRuleSet(plane, {
    districtId: r.districtId,
    module: EVIDENCE_MODULE,
    version: r.version,
    body: JSON.stringify(r.rules),
    createdAt: r.createdAt,
    createdBy: r.createdBy,
  });
}
