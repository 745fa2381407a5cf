import {
  DEFAULT_PIPELINE_RULE_SET,
  type PipelineRules,
  resolvePipelineRules,
  type VersionedPipelineRules,
} from "@vanguard/domain";
import { insertRuleSet, latestRuleSet } from "../directory/rule-sets";
import type { DataPlane } from "../shards";

/** The `rule_sets.module` of the development pipeline. */
export const PIPELINE_MODULE = "pipeline";

/**
 * The district's current pipeline rules; version 0 (the defaults of docs/domain.md §Pipeline rule set)
 * until one is stored.
 */
export async function pipelineRuleSet(plane: DataPlane, districtId: string): Promise<VersionedPipelineRules> {
  const row = await latestRuleSet(plane, districtId, PIPELINE_MODULE);
  if (!row) return DEFAULT_PIPELINE_RULE_SET;
  return { version: row.version, rules: resolvePipelineRules(JSON.parse(row.body)) };
}

export function insertPipelineRuleSet(
  plane: DataPlane,
  r: { districtId: string; version: number; rules: PipelineRules; createdAt: string; createdBy: string },
): D1PreparedStatement {
  return insertRuleSet(plane, {
    districtId: r.districtId,
    module: PIPELINE_MODULE,
    version: r.version,
    body: JSON.stringify(r.rules),
    createdAt: r.createdAt,
    createdBy: r.createdBy,
  });
}
