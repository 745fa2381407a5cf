import {
  DEFAULT_RATE_LIMITS,
  enforceRateLimit,
  limitPerMinute,
  ProblemError,
  sameOrigin,
} from "@vanguard/platform";
import type { MiddlewareHandler } from "hono";
import type { ApiEnv } from "../env";

/**
 * Before a sign-in is even read: a page of another site must not sign a browser into an account of
 * its choosing (an `Origin`, when sent, must be this site's), and each client address has its
 * quota of attempts, malformed ones included.
 */
export function signInGuard(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (c.req.header("origin") !== undefined && !sameOrigin(c, c.env.TRUSTED_ORIGINS)) {
      throw new ProblemError("csrf");
    }
    await enforceRateLimit(
      c.env.SIGNIN_RATE_LIMITER,
      "signin",
      // as Cloudflare reports it; a client cannot set it there
      c.req.header("cf-connecting-ip") ?? "unknown",
      limitPerMinute(c.env.SIGNIN_RATE_LIMIT_PER_MINUTE, DEFAULT_RATE_LIMITS.signinPerIp),
    );
    return next();
  };
}
