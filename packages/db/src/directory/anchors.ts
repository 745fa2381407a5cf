import type { DataPlane } from "../shards";

export interface ChainAnchor {
  scopeId: string;
  districtId: string;
  seq: number;
  hash: string;
  anchoredAt: string;
}

/** The witnessed heads of these chains (absent: never anchored). */
export async function anchorsOf(plane: DataPlane, scopeIds: string[]): Promise<Map<string, ChainAnchor>> {
  if (scopeIds.length === 0) return new Map();
  const { results } = await plane.directory.d1
    .prepare(
      `SELECT scope_id AS scopeId, district_id AS districtId, seq, hash, anchored_at AS anchoredAt
         FROM chain_anchors WHERE scope_id IN (SELECT value FROM json_each(?))`,
    )
    .bind(JSON.stringify(scopeIds))
    .all<ChainAnchor>();
  return new Map(results.map((a) => [a.scopeId, a]));
}

/**
 * Records newer heads as witnessed, in one statement. An anchor never moves back: a chain that was
 * cut keeps being compared with the head seen before the cut.
 */
export async function advanceAnchors(plane: DataPlane, anchors: ChainAnchor[]): Promise<void> {
  if (anchors.length === 0) return;
  await plane.directory.d1
    .prepare(
      `INSERT INTO chain_anchors (scope_id, district_id, seq, hash, anchored_at)
         SELECT json_extract(value, '$.scopeId'), json_extract(value, '$.districtId'), json_extract(value, '$.seq'),
                json_extract(value, '$.hash'), json_extract(value, '$.anchoredAt')
           FROM json_each(?) WHERE true
       ON CONFLICT(scope_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, anchored_at = excluded.anchored_at
         WHERE excluded.seq > chain_anchors.seq`,
    )
    .bind(JSON.stringify(anchors))
    .run();
}
