import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { attachments } from "../schema/evidence";
import type { TenantContext } from "../tenant/context";
import { expectChanged, statement } from "../write/sql";

export type AttachmentRow = typeof attachments.$inferSelect;
export type NewAttachment = Omit<AttachmentRow, "districtId" | "branchId" | "supersededBy">;

/** The event that attaches a file; its `after` carries the file's SHA-256, so the chain vouches for the bytes. */
export const ATTACHED_ACTION = "evidence.attached";
/** A file that arrived with a transferred member, chained on the receiving branch's log with its SHA-256. */
export const RECEIVED_ACTION = "evidence.received";

function scope(tc: TenantContext) {
  return and(eq(attachments.districtId, tc.districtId), eq(attachments.branchId, tc.branchId));
}

/** Where a branch's file lives in the bucket: the branch, then the content's hash. */
export function evidenceKey(branchId: string, sha256: string): string {
  return `branches/${branchId}/${sha256}`;
}

/** A record's attachments, oldest first, superseded ones included (they stay reachable). */
export function listAttachments(tc: TenantContext, targetType: string, targetId: string) {
  return tc.shard.db
    .select()
    .from(attachments)
    .where(and(scope(tc), eq(attachments.targetType, targetType), eq(attachments.targetId, targetId)))
    .orderBy(asc(attachments.id));
}

export function getAttachment(tc: TenantContext, id: string): Promise<AttachmentRow | undefined> {
  return tc.shard.db
    .select()
    .from(attachments)
    .where(and(scope(tc), eq(attachments.id, id)))
    .get();
}

/** The current (not superseded) documents attached to each of many records of one type, in one query. */
export async function currentDocuments(
  tc: TenantContext,
  targetType: string,
  targetIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(targetIds.map((id) => [id, []]));
  if (targetIds.length === 0) return out;
  const rows = await tc.shard.db
    .select({ targetId: attachments.targetId, document: attachments.document })
    .from(attachments)
    .where(
      and(
        scope(tc),
        eq(attachments.targetType, targetType),
        sql`${attachments.targetId} IN (SELECT value FROM json_each(${JSON.stringify(targetIds)}))`,
        isNull(attachments.supersededBy),
      ),
    );
  for (const r of rows) out.get(r.targetId)?.push(r.document);
  return out;
}

/**
 * What the branch stores, whether `sha256` is among it and under which object: content is stored
 * once per branch, so a file attached twice costs its size once. A file that arrived with a
 * transferred member stays under the sending branch's key, so the key is read, not derived.
 */
export async function storageOf(
  tc: TenantContext,
  sha256: string,
): Promise<{ used: number; has: boolean; key: string | null }> {
  const row = await tc.shard.d1
    .prepare(
      `SELECT coalesce(sum(size), 0) AS used, coalesce(max(sha256 = ?1), 0) AS has,
              (SELECT object_key FROM attachments WHERE branch_id = ?2 AND district_id = ?3 AND sha256 = ?1 LIMIT 1) AS key
       FROM (SELECT sha256, max(size) AS size FROM attachments WHERE branch_id = ?2 AND district_id = ?3 GROUP BY sha256)`,
    )
    .bind(sha256, tc.branchId, tc.districtId)
    .first<{ used: number; has: number; key: string | null }>();
  return { used: row?.used ?? 0, has: (row?.has ?? 0) === 1, key: row?.key ?? null };
}

export function insertAttachment(tc: TenantContext, row: NewAttachment): D1PreparedStatement {
  return statement(
    tc.shard.d1,
    tc.shard.db.insert(attachments).values({ ...row, districtId: tc.districtId, branchId: tc.branchId }),
  );
}

/** Marks `id` superseded by `by`, once: a second replacement of the same file aborts the batch (409). */
export function supersedeAttachment(tc: TenantContext, id: string, by: string): D1PreparedStatement[] {
  return [
    statement(
      tc.shard.d1,
      tc.shard.db
        .update(attachments)
        .set({ supersededBy: by })
        .where(and(scope(tc), eq(attachments.id, id), isNull(attachments.supersededBy))),
    ),
    expectChanged(tc.shard.d1),
  ];
}

export interface AttachmentCheckRow {
  id: string;
  targetType: string;
  targetId: string;
  filename: string;
  size: number;
  sha256: string;
  objectKey: string;
  /** the hash the chained event recorded (null if no event names this attachment) */
  chainedSha256: string | null;
}

/**
 * A page of the branch's attachments in id order, each with the hash its chained event recorded (the
 * attaching one, or the one that received it with a transferred member), for the check that
 * re-hashes the stored bytes (one query: the event is found by its subject).
 */
export async function attachmentCheckPage(
  tc: TenantContext,
  afterId: string | undefined,
  limit: number,
): Promise<AttachmentCheckRow[]> {
  const { results } = await tc.shard.d1
    .prepare(
      `SELECT a.id, a.target_type AS targetType, a.target_id AS targetId, a.filename, a.size, a.sha256,
              a.object_key AS objectKey,
              (SELECT json_extract(e.after, '$.sha256') FROM events e
                WHERE e.scope_id = a.branch_id AND e.subject_id = a.id AND e.action IN (?, ?) LIMIT 1) AS chainedSha256
       FROM attachments a
       WHERE a.branch_id = ? AND a.district_id = ? AND a.id > ?
       ORDER BY a.id LIMIT ?`,
    )
    .bind(ATTACHED_ACTION, RECEIVED_ACTION, tc.branchId, tc.districtId, afterId ?? "", limit)
    .all<AttachmentCheckRow>();
  return results;
}
