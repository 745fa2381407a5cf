import { env } from "cloudflare:workers";
import {
  type DataEnv,
  DataPlane,
  insertBranch,
  insertDistrict,
  insertMembers,
  type MemberRow,
  newId,
  type TenantContext,
  type TenantRef,
  tenantContext,
} from "@vanguard/db";

/**
 * Tenants for module worker tests, written through the real data layer (no mocks): a district on
 * the chosen shard with one branch, and members on its roll.
 */
export async function tenantFixture(
  opts: { shard?: number; timeZone?: string; recordsFrom?: string } = {},
): Promise<{
  ref: TenantRef;
  tc: TenantContext;
  plane: DataPlane;
}> {
  const plane = new DataPlane(env as unknown as DataEnv);
  const now = new Date().toISOString();
  const districtId = newId("district");
  const branchId = newId("branch");
  const timeZone = opts.timeZone ?? "Asia/Shanghai";
  const shard = opts.shard ?? 0;
  await plane.directory.d1.batch([
    insertDistrict(plane, {
      id: districtId,
      code: districtId.toLowerCase().replace("_", "-"),
      name: "测试区",
      timeZone,
      shard,
      createdAt: now,
      updatedAt: now,
    }),
    insertBranch(plane, {
      id: branchId,
      districtId,
      parentId: null,
      path: `/${branchId}/`,
      kind: "branch",
      name: `支部${branchId.slice(-6)}`,
      foundedOn: "2010-07-01",
      // a branch on record for years: the judgements tests look at all count
      recordsFrom: opts.recordsFrom ?? "2010-07-01",
      createdAt: now,
      updatedAt: now,
    }),
  ]);
  const ref = { districtId, branchId, timeZone, shard, recordsFrom: opts.recordsFrom ?? "2010-07-01" };
  return { ref, tc: tenantContext(plane, ref), plane };
}

export async function memberFixture(tc: TenantContext, m: Partial<MemberRow> = {}): Promise<MemberRow> {
  const now = new Date().toISOString();
  const row: MemberRow = {
    id: newId("member"),
    districtId: tc.districtId,
    branchId: tc.branchId,
    name: "测试党员",
    gender: "male",
    birthDate: "1985-03-12",
    status: "full",
    joinedOn: "2010-07-01",
    joinedBranchOn: "2010-07-01",
    idNumberEnc: null,
    idNumberHash: null,
    idNumberMasked: null,
    phoneEnc: null,
    phoneMasked: null,
    education: null,
    leftOn: null,
    leftReason: null,
    transferId: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
    ...m,
  };
  await tc.shard.d1.batch(insertMembers(tc, [row]));
  return row;
}
