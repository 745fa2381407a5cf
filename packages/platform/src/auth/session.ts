import {
  findLiveSession,
  findLiveSessionAndBranch,
  type SessionHolder,
  sha256Hex,
  touchSession,
} from "@vanguard/db";
import { needsTouch, sessionState } from "@vanguard/domain";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { log } from "../http/logger";
import { authCacheMs, branchCache, NEGATIVE_CACHE_MS, sessionCache, unknownCredentials } from "./auth-cache";
import type { AuthBindings } from "./authenticate";
import { BRANCH_PATH } from "./bearer";

/** The clock sessions are judged by; tests of expiry write old rows instead of waiting. */
const now = () => new Date();

function runAfter(c: Context, work: Promise<unknown>): void {
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    // no execution context (a unit test): the work still runs, unawaited
  }
}

/**
 * A session id to its live session, account and principal, at the cost of a key: one directory
 * round trip with the branch the path names, then the isolate's memory for AUTH_CACHE_SECONDS.
 * Expired sessions are not found. The idle clock moves at most every few minutes, after the
 * response, so reading never waits on a write.
 */
export async function resolveSession(
  c: Context<AppEnv<AuthBindings>>,
  sessionId: string,
): Promise<SessionHolder | undefined> {
  const hash = await sha256Hex(sessionId);
  const at = now();
  const ms = at.getTime();
  if (unknownCredentials.get(hash, ms)) return undefined;
  const ttl = authCacheMs(c.env.AUTH_CACHE_SECONDS);
  const branchId = BRANCH_PATH.exec(c.req.path)?.[1];
  let found: SessionHolder | undefined = ttl ? sessionCache.get(hash, ms) : undefined;
  if (branchId) {
    let branch = ttl ? branchCache.get(branchId, ms) : undefined;
    if (!found || !branch) {
      const both = await findLiveSessionAndBranch(c.get("plane"), hash, branchId);
      found = both.holder;
      branch = both.branch;
      if (ttl && branch) branchCache.set(branchId, branch, ms + ttl);
    }
    c.set("branchHint", { id: branchId, branch });
  } else if (!found) {
    found = await findLiveSession(c.get("plane"), hash);
  }
  if (!found) {
    unknownCredentials.set(hash, true, ms + NEGATIVE_CACHE_MS);
    return undefined;
  }
  if (sessionState(found, at) !== "live") {
    sessionCache.delete(hash);
    return undefined;
  }
  if (needsTouch(found, at)) {
    found = { ...found, seenAt: at.toISOString() };
    const plane = c.get("plane");
    runAfter(
      c,
      touchSession(plane, hash, found.seenAt)
        .run()
        .catch((err: unknown) => log("warn", "session touch failed", { error: String(err) })),
    );
  }
  if (ttl) sessionCache.set(hash, found, ms + ttl);
  return found;
}
