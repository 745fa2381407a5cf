import { currentRules, type DataPlane, rulesAtVersion } from "@vanguard/db";
import { STUDY_RULES_KIND, type StudyRules, type Versioned } from "@vanguard/domain";

export type VersionedRules = Versioned<StudyRules>;

/**
 * A stored version never changes, so each isolate keeps the ones it has read: scoring a day that
 * already exists costs no directory query. Only "which version is latest" is always asked.
 */
const cache = new Map<string, VersionedRules>();
const CACHE_LIMIT = 2000;

function remember(districtId: string, v: VersionedRules): VersionedRules {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(`${districtId}:${v.version}`, v);
  return v;
}

/** The district's current study rules: its latest stored version, or the built-in default (0). */
export async function latestRules(plane: DataPlane, districtId: string): Promise<VersionedRules> {
  const v = await currentRules(plane, districtId, STUDY_RULES_KIND);
  return v.version === 0 ? v : remember(districtId, v);
}

/**
 * For what only shapes a view (who may see the ranking): the latest version as this isolate saw it
 * within the last 30 seconds. Scoring and compliance always ask for the latest.
 */
const viewCache = new Map<string, { at: number; v: VersionedRules }>();
const VIEW_TTL_MS = 30_000;

export async function latestRulesForViews(plane: DataPlane, districtId: string): Promise<VersionedRules> {
  const hit = viewCache.get(districtId);
  if (hit && Date.now() - hit.at < VIEW_TTL_MS) return hit.v;
  const v = await latestRules(plane, districtId);
  if (viewCache.size >= CACHE_LIMIT) viewCache.clear();
  viewCache.set(districtId, { at: Date.now(), v });
  return v;
}

/** A publisher's own isolate sees its change at once; others within the TTL. */
export function forgetLatest(districtId: string): void {
  viewCache.delete(districtId);
}

/** The rules a decision was made with. */
export async function rulesAt(
  plane: DataPlane,
  districtId: string,
  version: number,
): Promise<VersionedRules> {
  const hit = cache.get(`${districtId}:${version}`);
  if (hit) return hit;
  const v = await rulesAtVersion(plane, districtId, STUDY_RULES_KIND, version);
  if (!v) throw new Error(`study rule set ${districtId} v${version} is missing`);
  return v.version === 0 ? v : remember(districtId, v);
}
