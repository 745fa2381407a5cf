import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { apiKeys, principals } from "../schema/directory";
import type { DataPlane } from "../shards";
import { statement } from "../write/sql";

export type Principal = typeof principals.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;

export interface KeyHolder {
  keyId: string;
  principal: Principal;
}

/** One indexed lookup per request: the key's hash to its live principal. */
export async function findLiveKey(plane: DataPlane, hash: string): Promise<KeyHolder | undefined> {
  const row = await plane.directory.db
    .select({ keyId: apiKeys.id, principal: principals })
    .from(apiKeys)
    .innerJoin(principals, eq(principals.id, apiKeys.principalId))
    .where(and(eq(apiKeys.hash, hash), isNull(apiKeys.revokedAt)))
    .get();
  return row ?? undefined;
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
