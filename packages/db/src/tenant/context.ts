import type { DataPlane, ShardDb } from "../shards";

declare const tenantBrand: unique symbol;

/**
 * The only key to tenant data. It can be made only from a branch the directory resolved (or a
 * verified internal context naming one), and it carries that branch's shard, so a tenant query can
 * neither be written without a tenant nor sent to the wrong database.
 */
export interface TenantContext {
  readonly districtId: string;
  readonly branchId: string;
  readonly timeZone: string;
  /** the branch's records-from day: judgements count only periods from it (docs/adoption.md) */
  readonly recordsFrom: string | null;
  readonly shard: ShardDb;
  readonly [tenantBrand]: true;
}

export interface TenantRef {
  districtId: string;
  branchId: string;
  timeZone: string;
  shard: number;
  recordsFrom?: string | null;
}

export function tenantContext(plane: DataPlane, ref: TenantRef): TenantContext {
  return {
    districtId: ref.districtId,
    branchId: ref.branchId,
    timeZone: ref.timeZone,
    recordsFrom: ref.recordsFrom ?? null,
    shard: plane.shard(ref.shard),
  } as TenantContext;
}

/** A district and its shard, for district-wide reads that span its branches. */
export interface DistrictContext {
  readonly districtId: string;
  readonly timeZone: string;
  readonly shard: ShardDb;
  readonly [tenantBrand]: true;
}

export function districtContext(
  plane: DataPlane,
  ref: { districtId: string; timeZone: string; shard: number },
): DistrictContext {
  return {
    districtId: ref.districtId,
    timeZone: ref.timeZone,
    shard: plane.shard(ref.shard),
  } as DistrictContext;
}

/**
 * Many branches of one shard, for the batched reads of audits and reports: every query filters by
 * exactly these branches, which the directory placed on this shard.
 */
export interface BranchSetContext {
  readonly shard: ShardDb;
  readonly branches: readonly { branchId: string; districtId: string }[];
  readonly [tenantBrand]: true;
}

export function branchSetContext(
  plane: DataPlane,
  shard: number,
  branches: readonly { branchId: string; districtId: string }[],
): BranchSetContext {
  return { shard: plane.shard(shard), branches } as BranchSetContext;
}

export function branchIdsJson(set: BranchSetContext): string {
  return JSON.stringify(set.branches.map((b) => b.branchId));
}
