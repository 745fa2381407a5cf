import { findLiveKey, findLiveKeyAndBranch } from "@vanguard/db";
import type { MiddlewareHandler } from "hono";
import type { AppEnv, PlatformBindings } from "../env";
import { ProblemError } from "../errors/problem";
import { authCacheMs, branchCache, keyCache } from "./auth-cache";
import { hashKey, timingSafeEqualHex } from "./keys";
import { BOOTSTRAP_PRINCIPAL_ID, type Principal } from "./principal";

export interface AuthBindings extends PlatformBindings {
  /** a platform-admin key taken from the environment, so a fresh deployment can be provisioned */
  BOOTSTRAP_ADMIN_KEY?: string;
}

const BRANCH_PATH = /^\/v1\/branches\/([^/]{1,64})(?:\/|$)/;

const unauthorized = () =>
  new ProblemError("unauthorized", undefined, [], { "WWW-Authenticate": 'Bearer realm="vanguard"' });

/**
 * Resolves `Authorization: Bearer <key>` to a principal: one indexed directory lookup of the key's
 * SHA-256 (and of the branch the path names, in the same round trip), remembered by the isolate for
 * AUTH_CACHE_SECONDS (see auth-cache.ts for what that trades).
 */
export function bearerAuth(): MiddlewareHandler<AppEnv<AuthBindings>> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    const m = header ? /^Bearer\s+(\S{8,200})$/i.exec(header.trim()) : null;
    if (!m) throw unauthorized();
    const hash = await hashKey(m[1]!);
    const bootstrap = c.env.BOOTSTRAP_ADMIN_KEY;
    if (bootstrap && timingSafeEqualHex(hash, await hashKey(bootstrap))) {
      c.set("principal", {
        id: BOOTSTRAP_PRINCIPAL_ID,
        keyId: "key_bootstrap",
        role: "platform_admin",
        districtId: null,
        branchId: null,
        memberId: null,
        auditDistricts: null,
      });
      return next();
    }
    const branchId = BRANCH_PATH.exec(c.req.path)?.[1];
    const ttl = authCacheMs(c.env.AUTH_CACHE_SECONDS);
    const now = Date.now();
    let found = ttl ? keyCache.get(hash, now) : undefined;
    if (branchId) {
      let branch = ttl ? branchCache.get(branchId, now) : undefined;
      if (!found || !branch) {
        const both = await findLiveKeyAndBranch(c.get("plane"), hash, branchId);
        found = both.holder;
        branch = both.branch;
        if (ttl && branch) branchCache.set(branchId, branch, now + ttl);
      }
      c.set("branchHint", { id: branchId, branch });
    } else if (!found) {
      found = await findLiveKey(c.get("plane"), hash);
    }
    if (ttl && found) keyCache.set(hash, found, now + ttl);
    if (!found) throw unauthorized();
    const p = found.principal;
    const principal: Principal = {
      id: p.id,
      keyId: found.keyId,
      role: p.role,
      districtId: p.districtId,
      branchId: p.branchId,
      memberId: p.memberId,
      auditDistricts: p.auditDistricts ? (JSON.parse(p.auditDistricts) as string[]) : null,
    };
    c.set("principal", principal);
    return next();
  };
}
