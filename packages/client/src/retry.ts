/** Statuses that mean "not now": the request did nothing and may be sent again after a wait. */
const RETRYABLE = new Set([429, 503]);

/** `Retry-After` in ms: seconds or an HTTP date; 1 s when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number {
  if (!value) return 1000;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? 1000 : Math.max(0, at - now);
}

/**
 * A fetch that answers 429 and 503 by waiting `Retry-After` and trying again, up to `retries`
 * times. Each try sends a copy of the original request, headers (the Idempotency-Key) included.
 */
export function withRetries(
  inner: (request: Request) => Promise<Response>,
  opts: { retries: number; maxDelayMs: number; sleep?: (ms: number) => Promise<void> },
): (input: Request) => Promise<Response> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  return async (request) => {
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= opts.retries;
      const res = await inner(last ? request : request.clone());
      if (last || !RETRYABLE.has(res.status)) return res;
      const wait = retryAfterMs(res.headers.get("retry-after"));
      if (wait > opts.maxDelayMs) return res;
      await res.body?.cancel();
      await sleep(wait);
    }
  };
}
