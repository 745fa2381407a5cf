import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { apiKeys, principals } from "../schema/directory";
import type { DataPlane } from "../shards";
import { statement } from "../write/sql";
import type { ResolvedBranch } from "./branches";

export type Principal = typeof principals.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;

export interface KeyHolder {
  keyId: string;
  principal: Principal;
}

function liveKeyQuery(plane: DataPlane, hash: string) {
  return plane.directory.db
    .select({ keyId: apiKeys.id, principal: principals })
    .from(apiKeys)
    .innerJoin(principals, eq(principals.id, apiKeys.principalId))
    .where(and(eq(apiKeys.hash, hash), isNull(apiKeys.revokedAt)))
    .limit(1);
}

/** One indexed lookup per request: the key's hash to its live principal. */
export async function findLiveKey(plane: DataPlane, hash: string): Promise<KeyHolder | undefined> {
  const [row] = await liveKeyQuery(plane, hash);
  return row ?? undefined;
}

/**
 * The key and the branch a request names, in one round trip: most requests are about one branch,
 * and resolving it beside the key saves the second trip to the directory. Raw SQL with distinct
 * column names, because a D1 batch returns rows as objects and would merge the two `id`s.
 */
export async function findLiveKeyAndBranch(
  plane: DataPlane,
  hash: string,
  branchId: string,
): Promise<{ holder: KeyHolder | undefined; branch: ResolvedBranch | undefined }> {
  const d1 = plane.directory.d1;
  const [keys, found] = await d1.batch<Record<string, string | number | null>>([
    d1
      .prepare(
        `SELECT k.id AS key_id, p.id, p.role, p.district_id, p.branch_id, p.member_id, p.audit_districts, p.label,
                p.created_at, p.created_by
           FROM api_keys k JOIN principals p ON p.id = k.principal_id
          WHERE k.hash = ? AND k.revoked_at IS NULL LIMIT 1`,
      )
      .bind(hash),
    branchStatement(d1, branchId),
  ]);
  const k = keys?.results?.[0];
  const b = found?.results?.[0];
  return {
    holder: k ? { keyId: String(k.key_id), principal: principalFromRow(k) } : undefined,
    branch: b ? branchFromRow(b) : undefined,
  };
}

type Row = Record<string, string | number | null>;

/** A principal from raw columns (`id, role, district_id, branch_id, member_id, audit_districts, label, created_at, created_by`). */
export function principalFromRow(k: Row): Principal {
  return {
    id: String(k.id),
    role: k.role as Principal["role"],
    districtId: (k.district_id as string | null) ?? null,
    branchId: (k.branch_id as string | null) ?? null,
    memberId: (k.member_id as string | null) ?? null,
    auditDistricts: (k.audit_districts as string | null) ?? null,
    label: String(k.label),
    createdAt: String(k.created_at),
    createdBy: String(k.created_by),
  };
}

/** The branch a path names with its district's shard and time zone, for a batch beside a credential. */
export function branchStatement(d1: D1Database, branchId: string): D1PreparedStatement {
  return d1
    .prepare(
      `SELECT b.id, b.district_id, b.parent_id, b.path, b.kind, b.name, b.founded_on, b.records_from, b.created_at,
              b.updated_at, b.version, d.shard, d.time_zone
         FROM branches b JOIN districts d ON d.id = b.district_id WHERE b.id = ? LIMIT 1`,
    )
    .bind(branchId);
}

export function branchFromRow(b: Row): ResolvedBranch {
  return {
    id: String(b.id),
    districtId: String(b.district_id),
    parentId: (b.parent_id as string | null) ?? null,
    path: String(b.path),
    kind: b.kind as ResolvedBranch["kind"],
    name: String(b.name),
    foundedOn: String(b.founded_on),
    recordsFrom: String(b.records_from),
    createdAt: String(b.created_at),
    updatedAt: String(b.updated_at),
    version: Number(b.version),
    shard: Number(b.shard),
    timeZone: String(b.time_zone),
  };
}

export async function getKey(
  plane: DataPlane,
  keyId: string,
): Promise<(ApiKey & { principal: Principal }) | undefined> {
  const row = await plane.directory.db
    .select({ key: apiKeys, principal: principals })
    .from(apiKeys)
    .innerJoin(principals, eq(principals.id, apiKeys.principalId))
    .where(eq(apiKeys.id, keyId))
    .get();
  return row ? { ...row.key, principal: row.principal } : undefined;
}

export function insertPrincipal(plane: DataPlane, row: typeof principals.$inferInsert): D1PreparedStatement {
  return statement(plane.directory.d1, plane.directory.db.insert(principals).values(row));
}

export function insertKey(plane: DataPlane, row: typeof apiKeys.$inferInsert): D1PreparedStatement {
  return statement(plane.directory.d1, plane.directory.db.insert(apiKeys).values(row));
}

export function revokeKey(plane: DataPlane, keyId: string, at: string, by: string): D1PreparedStatement {
  return statement(
    plane.directory.d1,
    plane.directory.db
      .update(apiKeys)
      .set({ revokedAt: at, revokedBy: by })
      .where(and(eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt))),
  );
}

export function listBranchKeys(
  plane: DataPlane,
  branchId: string,
  { limit, after }: { limit: number; after?: string },
): Promise<{ key: ApiKey; principal: Principal }[]> {
  return plane.directory.db
    .select({ key: apiKeys, principal: principals })
    .from(apiKeys)
    .innerJoin(principals, eq(principals.id, apiKeys.principalId))
    .where(and(eq(principals.branchId, branchId), after ? gt(apiKeys.id, after) : undefined))
    .orderBy(asc(apiKeys.id))
    .limit(limit);
}

/**
 * What let a member act in a branch ends when they leave it: their member keys there are revoked in
 * the same transaction that records the departure.
 */
export function endMemberAccessStatements(
  plane: DataPlane,
  branchId: string,
  memberId: string,
  at: string,
  by: string,
): D1PreparedStatement[] {
  return [
    plane.directory.d1
      .prepare(
        `UPDATE api_keys SET revoked_at = ?, revoked_by = ?
          WHERE revoked_at IS NULL AND principal_id IN
            (SELECT id FROM principals WHERE role = 'member' AND branch_id = ? AND member_id = ?)`,
      )
      .bind(at, by, branchId, memberId),
  ];
}
