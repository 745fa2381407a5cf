import { TtlCache } from "../auth/auth-cache";
import { ProblemError } from "../errors/problem";

/**
 * Rate limits through Workers' rate-limiting binding. The binding's own limit is fixed in
 * wrangler.toml (`simple.limit`, per 60 s); each call adds a weight (`delta`) so that the limit a
 * deployment enforces comes from the environment: weight = ceiling / wanted limit. Raising the
 * variable up to the ceiling needs no redeploy of the binding.
 */
export const RATE_LIMIT_CEILING = 1_000_000;
export const RATE_LIMIT_WINDOW_SECONDS = 60;

export interface RateLimitBindings {
  /** per key or account, on every authenticated request */
  API_RATE_LIMITER?: RateLimit;
  /** per client address, on sign-in */
  SIGNIN_RATE_LIMITER?: RateLimit;
  /** requests a key or account may make per minute (default 1200); "0" turns the limit off */
  RATE_LIMIT_PER_MINUTE?: string;
  /** sign-in attempts per client address per minute (default 60); "0" turns the limit off */
  SIGNIN_RATE_LIMIT_PER_MINUTE?: string;
  /** most requests of a key counted per call to the binding (default 10; "1": every request) */
  RATE_LIMIT_BATCH?: string;
}

export const DEFAULT_RATE_LIMITS = { perKey: 1200, signinPerIp: 60 } as const;

export function limitPerMinute(setting: string | undefined, fallback: number): number {
  if (setting === undefined || setting === "") return fallback;
  const n = Number(setting);
  return Number.isFinite(n) && n > 0 ? Math.min(Math.floor(n), RATE_LIMIT_CEILING) : 0;
}

/** `RateLimit-Policy` (IETF httpapi draft): the quota and its window, named. */
export function policyHeader(name: string, perMinute: number): string {
  return `"${name}";q=${perMinute};w=${RATE_LIMIT_WINDOW_SECONDS}`;
}

/** Seconds until the current window ends (windows are aligned to the clock, as the binding's are). */
function secondsLeft(now: number): number {
  return Math.max(1, RATE_LIMIT_WINDOW_SECONDS - (Math.floor(now / 1000) % RATE_LIMIT_WINDOW_SECONDS));
}

/**
 * Counts one request against `key`; over the limit, a 429 with `Retry-After`, `RateLimit` and
 * `RateLimit-Policy`. The binding tells only whether a call passed, not what remains, so the
 * remaining quota is shown (as 0) only when it has run out.
 */
export async function enforceRateLimit(
  limiter: RateLimit | undefined,
  name: string,
  key: string,
  perMinute: number,
  problem: (headers: Record<string, string>) => ProblemError = rateLimited,
  /** how many requests this call counts (see BatchedCount) */
  calls = 1,
  now = Date.now(),
): Promise<void> {
  if (!limiter || perMinute <= 0) return;
  // allowed while the count is under the ceiling: ⌈ceiling / limit⌉ lets exactly `limit` calls through
  const delta = calls * Math.max(1, Math.ceil(RATE_LIMIT_CEILING / perMinute));
  // a weight of 1 is left out: the Miniflare inside the vitest plugin predates `delta`
  const { success } = await limiter.limit(
    delta === 1 ? { key: `${name}:${key}` } : { key: `${name}:${key}`, delta },
  );
  if (success) return;
  throw problem(refusalHeaders(name, perMinute, now));
}

const rateLimited = (h: Record<string, string>) => new ProblemError("rate_limited", undefined, [], h);

function refusalHeaders(name: string, perMinute: number, now: number): Record<string, string> {
  const t = secondsLeft(now);
  return {
    "Retry-After": String(t),
    RateLimit: `"${name}";r=0;t=${t}`,
    "RateLimit-Policy": policyHeader(name, perMinute),
  };
}

export const MAX_BATCH = 10;

/** Requests counted per call to the binding: 1 under 200 a minute, up to `max` from 100 × max a minute. */
export function batchSize(perMinute: number, max = MAX_BATCH): number {
  return Math.min(max, Math.max(1, Math.floor(perMinute / 100)));
}

/**
 * A key's requests told to the binding in batches. Each call to the binding is a round trip of
 * its own, paid by every authenticated request; counted in batches of `batchSize(limit)`, an
 * isolate lets at most batch − 1 requests (under 1 % of the limit) pass before the binding has
 * counted them, and a key the binding refused is refused here, without asking, until the window
 * ends. The binding's own count is per location and approximate already; this keeps its verdicts
 * and adds at most that 1 % per isolate. Limits under 200 a minute are counted one by one.
 */
export class BatchedCount {
  /** requests let through since the key's last call, forgotten after a window */
  private readonly pending: TtlCache<number>;
  /** keys the binding refused, until their window ends */
  private readonly refused: TtlCache<true>;

  constructor(maxKeys = 10_000) {
    this.pending = new TtlCache(maxKeys);
    this.refused = new TtlCache(maxKeys);
  }

  async enforce(
    limiter: RateLimit | undefined,
    name: string,
    key: string,
    perMinute: number,
    now = Date.now(),
    maxBatch = MAX_BATCH,
  ): Promise<void> {
    if (!limiter || perMinute <= 0) return;
    const id = `${name}:${key}`;
    if (this.refused.get(id, now)) throw rateLimited(refusalHeaders(name, perMinute, now));
    const calls = (this.pending.get(id, now) ?? 0) + 1;
    if (calls < batchSize(perMinute, maxBatch)) {
      this.pending.set(id, calls, now + RATE_LIMIT_WINDOW_SECONDS * 1000);
      return;
    }
    this.pending.delete(id);
    try {
      await enforceRateLimit(limiter, name, key, perMinute, undefined, calls, now);
    } catch (err) {
      this.refused.set(id, true, now + secondsLeft(now) * 1000);
      throw err;
    }
  }
}

/**
 * Runs a request under its rate limit. A write waits for the verdict before it starts; a read is
 * counted while it runs (the limiter is a round trip of its own) and, over the limit, its result is
 * withheld and the 429 answered instead: the caller gets nothing it was not entitled to, and a read
 * within its quota does not wait on the count.
 */
export async function underLimit(
  method: string,
  check: () => Promise<void>,
  next: () => Promise<void>,
): Promise<void> {
  if (method !== "GET" && method !== "HEAD") {
    await check();
    return next();
  }
  const refused = check().then(
    () => null,
    (err: unknown) => err,
  );
  await next();
  const err = await refused;
  if (err) throw err;
}
