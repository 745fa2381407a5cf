import {
  type District,
  type DistrictContext,
  districtContext,
  getDistrict,
  type ResolvedBranch,
  resolveBranch,
  type TenantContext,
  tenantContext,
} from "@vanguard/db";
import type { Role } from "@vanguard/domain";
import type { Context } from "hono";
import { authCacheMs, districtCache } from "../auth/auth-cache";
import type { Principal } from "../auth/principal";
import type { AppEnv, PlatformBindings } from "../env";
import { forbidden, notFound } from "../errors/problem";

/** Whether a district is inside the principal's scope at all (outside scope answers 404). */
export function seesDistrict(p: Principal, districtId: string): boolean {
  switch (p.role) {
    case "platform_admin":
      return true;
    case "district_admin":
      return p.districtId === districtId;
    case "auditor":
      return p.auditDistricts === null || p.auditDistricts.includes(districtId);
    default:
      return false;
  }
}

export function seesBranch(p: Principal, branch: { id: string; districtId: string }): boolean {
  switch (p.role) {
    case "branch_admin":
    case "member":
      return p.branchId === branch.id;
    default:
      return seesDistrict(p, branch.districtId);
  }
}

/**
 * The branch a request names: already resolved beside the key when the path named it, else one
 * lookup. `fresh` skips the hint, which may be up to AUTH_CACHE_SECONDS old: for showing the branch
 * itself (its name and version), not for deciding who may reach it (its place never changes).
 */
export async function lookupBranch<B extends PlatformBindings>(
  c: Context<AppEnv<B>>,
  branchId: string,
  fresh = false,
): Promise<ResolvedBranch | undefined> {
  const hint = c.get("branchHint");
  if (hint && hint.id === branchId && !fresh) return hint.branch;
  return resolveBranch(c.get("plane"), branchId);
}

/** A district as the directory has it, remembered for AUTH_CACHE_SECONDS: it never changes once created. */
export async function lookupDistrict<B extends PlatformBindings>(
  c: Context<AppEnv<B>>,
  districtId: string,
): Promise<District | undefined> {
  const ttl = authCacheMs(c.env.AUTH_CACHE_SECONDS);
  const now = Date.now();
  const hit = ttl ? districtCache.get(districtId, now) : undefined;
  if (hit) return hit;
  const district = await getDistrict(c.get("plane"), districtId);
  if (district && ttl) districtCache.set(districtId, district, now + ttl);
  return district;
}

/** Inside its scope, a role lacking the action gets 403 (auditors may only read). */
export function requireRole(p: Principal, allow: readonly Role[]): void {
  if (!allow.includes(p.role)) throw forbidden();
}

export interface BranchScope {
  branch: ResolvedBranch;
  tc: TenantContext;
}

/**
 * The gate of every branch route: the branch exists and is in the caller's scope (else 404, so
 * another tenant's ids reveal nothing), and the caller's role may do this (else 403).
 */
export async function branchScope<B extends PlatformBindings>(
  c: Context<AppEnv<B>>,
  branchId: string,
  allow: readonly Role[],
  opts: { fresh?: boolean } = {},
): Promise<BranchScope> {
  const p = c.get("principal");
  const plane = c.get("plane");
  const branch = await lookupBranch(c, branchId, opts.fresh);
  if (!branch || !seesBranch(p, branch)) throw notFound();
  requireRole(p, allow);
  return { branch, tc: tenantContext(plane, { ...branch, branchId: branch.id }) };
}

export async function districtScope<B extends PlatformBindings>(
  c: Context<AppEnv<B>>,
  districtId: string,
  allow: readonly Role[],
): Promise<{ dc: DistrictContext; district: NonNullable<Awaited<ReturnType<typeof getDistrict>>> }> {
  const p = c.get("principal");
  const plane = c.get("plane");
  if (!seesDistrict(p, districtId)) throw notFound();
  const district = await lookupDistrict(c, districtId);
  if (!district) throw notFound();
  requireRole(p, allow);
  return {
    district,
    dc: districtContext(plane, {
      districtId: district.id,
      timeZone: district.timeZone,
      shard: district.shard,
    }),
  };
}

/** A member key sees only its own member record; anything else of its branch is out of scope. */
export function requireSelfOrAdmin(p: Principal, memberId: string): void {
  if (p.role === "member" && p.memberId !== memberId) throw notFound();
}
