import {
  findLiveKey,
  findLiveKeyAndBranch,
  type KeyHolder,
  type Principal as PrincipalRow,
} from "@vanguard/db";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { authCacheMs, branchCache, keyCache, NEGATIVE_CACHE_MS, unknownCredentials } from "./auth-cache";
import type { AuthBindings } from "./authenticate";
import { hashKey, timingSafeEqualHex } from "./keys";
import { BOOTSTRAP_PRINCIPAL_ID, type Principal } from "./principal";

export const BRANCH_PATH = /^\/v1\/branches\/([^/]{1,64})(?:\/|$)/;

/** The key in `Authorization: Bearer <key>`, or null when the header is absent or malformed. */
export function bearerToken(header: string | undefined): string | null {
  const m = header ? /^Bearer\s+(\S{8,200})$/i.exec(header.trim()) : null;
  return m ? m[1]! : null;
}

export function principalOf(p: PrincipalRow, keyId: string, accountId?: string): Principal {
  return {
    id: p.id,
    keyId,
    role: p.role,
    districtId: p.districtId,
    branchId: p.branchId,
    memberId: p.memberId,
    auditDistricts: p.auditDistricts ? (JSON.parse(p.auditDistricts) as string[]) : null,
    ...(accountId ? { accountId } : {}),
  };
}

/** The bootstrap key's hash, computed once per isolate (and again only if the secret changes). */
let bootstrapMemo: { key: string; hash: Promise<string> } | undefined;
function bootstrapHash(key: string): Promise<string> {
  if (bootstrapMemo?.key !== key) bootstrapMemo = { key, hash: hashKey(key) };
  return bootstrapMemo.hash;
}

/**
 * A key to its principal: one indexed directory lookup of the key's SHA-256 (and of the branch the
 * path names, in the same round trip), remembered by the isolate for AUTH_CACHE_SECONDS (see
 * auth-cache.ts for what that trades). Unknown keys are remembered as unknown for a few seconds.
 */
export async function resolveKey(
  c: Context<AppEnv<AuthBindings>>,
  key: string,
): Promise<Principal | undefined> {
  const hash = await hashKey(key);
  const bootstrap = c.env.BOOTSTRAP_ADMIN_KEY;
  if (bootstrap && timingSafeEqualHex(hash, await bootstrapHash(bootstrap))) {
    return {
      id: BOOTSTRAP_PRINCIPAL_ID,
      keyId: "key_bootstrap",
      role: "platform_admin",
      districtId: null,
      branchId: null,
      memberId: null,
      auditDistricts: null,
    };
  }
  const now = Date.now();
  if (unknownCredentials.get(hash, now)) return undefined;
  const branchId = BRANCH_PATH.exec(c.req.path)?.[1];
  const ttl = authCacheMs(c.env.AUTH_CACHE_SECONDS);
  let found: KeyHolder | undefined = ttl ? keyCache.get(hash, now) : undefined;
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
  if (!found) {
    unknownCredentials.set(hash, true, now + NEGATIVE_CACHE_MS);
    return undefined;
  }
  if (ttl) keyCache.set(hash, found, now + ttl);
  return principalOf(found.principal, found.keyId);
}
