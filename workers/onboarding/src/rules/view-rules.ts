import { currentRules, type DataPlane } from "@vanguard/db";
import type { VersionedPipelineRules } from "@vanguard/domain";
import { PIPELINE_RULES_KIND } from "@vanguard/domain";

/**
 * For pages that only show a case (its next steps and deadlines): the district's latest pipeline
 * rules as this isolate saw them within the last 30 seconds, so a warm case page is one round trip.
 * Recording a step always reads the latest. A publisher's own isolate forgets at once.
 */
const views = new Map<string, { at: number; v: VersionedPipelineRules }>();
const VIEW_TTL_MS = 30_000;
const LIMIT = 2000;

export async function pipelineRulesForViews(
  plane: DataPlane,
  districtId: string,
): Promise<VersionedPipelineRules> {
  const hit = views.get(districtId);
  if (hit && Date.now() - hit.at < VIEW_TTL_MS) return hit.v;
  const v = await currentRules(plane, districtId, PIPELINE_RULES_KIND);
  if (views.size >= LIMIT) views.clear();
  views.set(districtId, { at: Date.now(), v });
  return v;
}

export function forgetPipelineRules(districtId: string): void {
  views.delete(districtId);
}
