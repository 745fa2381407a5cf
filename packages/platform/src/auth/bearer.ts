import { findLiveKey, findLiveKeyAndBranch, type KeyHolder } from "@vanguard/db";
import type { MiddlewareHandler } from "hono";
import type { AppEnv, PlatformBindings } from "../env";
import { ProblemError } from "../errors/problem";
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
 * SHA-256. A revoked key fails at once because nothing is cached.
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
    let found: KeyHolder | undefined;
    if (branchId) {
      const both = await findLiveKeyAndBranch(c.get("plane"), hash, branchId);
      found = both.holder;
      c.set("branchHint", { id: branchId, branch: both.branch });
    } else {
      found = await findLiveKey(c.get("plane"), hash);
    }
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
