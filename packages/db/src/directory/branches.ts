import { and, asc, eq, gt } from "drizzle-orm";
import { branches, districts } from "../schema/directory";
import type { DataPlane } from "../shards";
import { statement } from "../write/sql";

export type Branch = typeof branches.$inferSelect;

/** A branch with what routing needs from its district: the shard and the time zone. */
export interface ResolvedBranch extends Branch {
  shard: number;
  timeZone: string;
}

function resolveBranchQuery(plane: DataPlane, branchId: string) {
  return plane.directory.db
    .select({
      id: branches.id,
      districtId: branches.districtId,
      parentId: branches.parentId,
      path: branches.path,
      kind: branches.kind,
      name: branches.name,
      foundedOn: branches.foundedOn,
      recordsFrom: branches.recordsFrom,
      createdAt: branches.createdAt,
      updatedAt: branches.updatedAt,
      version: branches.version,
      shard: districts.shard,
      timeZone: districts.timeZone,
    })
    .from(branches)
    .innerJoin(districts, eq(districts.id, branches.districtId))
    .where(eq(branches.id, branchId))
    .limit(1);
}

export async function resolveBranch(plane: DataPlane, branchId: string): Promise<ResolvedBranch | undefined> {
  const [row] = await resolveBranchQuery(plane, branchId);
  return row;
}

export function listBranches(
  plane: DataPlane,
  districtId: string,
  { limit, after }: { limit: number; after?: string },
): Promise<Branch[]> {
  return plane.directory.db
    .select()
    .from(branches)
    .where(and(eq(branches.districtId, districtId), after ? gt(branches.id, after) : undefined))
    .orderBy(asc(branches.id))
    .limit(limit);
}

/** Every branch of a district, for district-wide reports (ids only; paged by the caller's limit). */
export function branchIdsOf(plane: DataPlane, districtId: string): Promise<{ id: string; name: string }[]> {
  return plane.directory.db
    .select({ id: branches.id, name: branches.name })
    .from(branches)
    .where(eq(branches.districtId, districtId))
    .orderBy(asc(branches.id));
}

export function findBranchByName(
  plane: DataPlane,
  districtId: string,
  name: string,
): Promise<Branch | undefined> {
  return plane.directory.db
    .select()
    .from(branches)
    .where(and(eq(branches.districtId, districtId), eq(branches.name, name)))
    .get();
}

export function insertBranch(plane: DataPlane, row: typeof branches.$inferInsert): D1PreparedStatement {
  return statement(plane.directory.d1, plane.directory.db.insert(branches).values(row));
}

/** Guarded by `version`: a stale update changes nothing (and the write's event append conflicts). */
export function updateBranch(
  plane: DataPlane,
  id: string,
  version: number,
  patch: Partial<Pick<Branch, "name" | "foundedOn" | "recordsFrom">> & { updatedAt: string },
): D1PreparedStatement {
  return statement(
    plane.directory.d1,
    plane.directory.db
      .update(branches)
      .set({ ...patch, version: version + 1 })
      .where(and(eq(branches.id, id), eq(branches.version, version))),
  );
}
