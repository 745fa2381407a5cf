import type { MiddlewareHandler } from "hono";
import type { AppEnv, PlatformBindings } from "../env";
import { ProblemError } from "../errors/problem";
import {
  BatchedCount,
  DEFAULT_RATE_LIMITS,
  limitPerMinute,
  MAX_BATCH,
  policyHeader,
  type RateLimitBindings,
  underLimit,
} from "../http/rate-limit";
import { setResponseHeader } from "../http/response-header";
import { bearerToken, principalOf, resolveKey } from "./bearer";
import { BOOTSTRAP_PRINCIPAL_ID } from "./principal";
import { resolveSession } from "./session";
import { readSessionId, sameOrigin } from "./session-cookie";

export interface AuthBindings extends PlatformBindings, RateLimitBindings {
  /** a platform-admin key taken from the environment, so a fresh deployment can be provisioned */
  BOOTSTRAP_ADMIN_KEY?: string;
  /** origins besides the serving one whose pages may send cookie-authenticated writes (comma-separated) */
  TRUSTED_ORIGINS?: string;
}

/** Routes anyone may call: signing in is how a person gets a session. */
/** A community contact confirms a service session with the one-time code the branch gave them. */
const PUBLIC = new Set(["/v1/auth/login", "/v1/service-confirmations"]);
/** What a person holding a one-time password may do: see who they are, change it, or leave. */
const ONE_TIME_ALLOWED = new Set(["/v1/auth/me", "/v1/auth/password", "/v1/auth/logout"]);
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** this isolate's count of each key's and account's requests, told to the binding in batches */
const apiCounts = new BatchedCount();

const unauthorized = () =>
  new ProblemError("unauthorized", undefined, [], { "WWW-Authenticate": 'Bearer realm="vanguard"' });

/**
 * Who is calling: `Authorization: Bearer <key>` for machines, the `vg_session` cookie for people.
 * Both resolve to the same principal (role and scope), so every route treats them alike. A
 * cookie-authenticated write must come from this site (`Origin`), and a person with a one-time
 * password may only change it. Then each key or account is held to its rate limit.
 */
export function authenticate(): MiddlewareHandler<AppEnv<AuthBindings>> {
  return async (c, next) => {
    if (PUBLIC.has(c.req.path)) return next();
    const key = bearerToken(c.req.header("authorization"));
    let rateKey: string;
    if (key) {
      const principal = await resolveKey(c, key);
      if (!principal) throw unauthorized();
      c.set("principal", principal);
      rateKey = `key:${principal.keyId}`;
    } else {
      const sessionId = readSessionId(c);
      // no key and no well-formed session id (a tampered cookie is no session)
      const session = sessionId ? await resolveSession(c, sessionId) : undefined;
      if (!session) throw unauthorized();
      if (!SAFE_METHODS.has(c.req.method) && !sameOrigin(c, c.env.TRUSTED_ORIGINS))
        throw new ProblemError("csrf");
      if (session.mustChangePassword && !ONE_TIME_ALLOWED.has(c.req.path)) {
        throw new ProblemError("password_change_required");
      }
      c.set("session", session);
      c.set("principal", principalOf(session.principal, "session", session.accountId));
      rateKey = `account:${session.accountId}`;
    }
    // the bootstrap key provisions a deployment; whoever holds it holds everything already
    const perMinute = limitPerMinute(c.env.RATE_LIMIT_PER_MINUTE, DEFAULT_RATE_LIMITS.perKey);
    const limiter = c.env.API_RATE_LIMITER;
    if (c.get("principal").id === BOOTSTRAP_PRINCIPAL_ID || !limiter || perMinute <= 0) return next();
    const batch = limitPerMinute(c.env.RATE_LIMIT_BATCH, MAX_BATCH) || 1;
    await underLimit(
      c.req.method,
      () => apiCounts.enforce(limiter, "api", rateKey, perMinute, Date.now(), batch),
      next,
    );
    // after the response exists, so a response forwarded from a module worker carries it too
    setResponseHeader(c, "RateLimit-Policy", policyHeader("api", perMinute));
  };
}
