import type { DataPlane } from "@vanguard/db";
import { districtBranchNames } from "@vanguard/db/study";

export interface BranchName {
  name: string;
  kind: string;
}

/**
 * Branch names live in the directory; a district leaderboard needs them on every read. They change
 * rarely, so each isolate keeps a district's list for a minute, and reads it again at once when a
 * branch it does not know yet shows up in the totals.
 */
const cache = new Map<string, { at: number; names: Map<string, BranchName> }>();
const TTL_MS = 60_000;
const LIMIT = 1000;

export async function branchNames(
  plane: DataPlane,
  districtId: string,
  mustKnow: readonly string[],
): Promise<Map<string, BranchName>> {
  const hit = cache.get(districtId);
  if (hit && Date.now() - hit.at < TTL_MS && mustKnow.every((id) => hit.names.has(id))) return hit.names;
  const rows = await districtBranchNames(plane, districtId);
  const names = new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind }]));
  if (cache.size >= LIMIT) cache.clear();
  cache.set(districtId, { at: Date.now(), names });
  return names;
}
