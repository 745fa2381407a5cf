import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";

type Level = "info" | "warn" | "error";

/** One JSON object per line: what Workers Logs and `wrangler tail` index and filter on. */
export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, msg, time: new Date().toISOString(), ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}

/**
 * Logs each request once, after it ends, with who asked, the outcome and the D1 work it cost. With
 * D1_METRICS=1 (dev, bench, tests) the same counts go back in `X-D1-Queries` (statements),
 * `X-D1-Round-Trips` (calls; a batch is one) and `X-D1-Rows-Read`, on authenticated responses
 * only: an unauthenticated caller must not learn from them whether a branch or key exists.
 */
export function requestLog(service: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = Date.now();
    await next();
    const plane = c.get("plane");
    const counter = plane?.counter;
    if (counter && c.env?.D1_METRICS === "1" && c.get("principal")) {
      // a forwarded response already carries the module worker's count: the client sees the sum
      const add = (name: string, n: number) =>
        c.header(name, String(Number(c.res.headers.get(name) ?? 0) + n));
      add("X-D1-Queries", counter.queries);
      add("X-D1-Round-Trips", counter.roundTrips);
      add("X-D1-Rows-Read", counter.rowsRead);
    }
    if (c.env?.LOG_REQUESTS === "0") return;
    const principal = c.get("principal");
    log(c.res.status >= 500 ? "error" : "info", "request", {
      service,
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Date.now() - started,
      principal: principal?.id,
      role: principal?.role,
      d1Queries: counter?.queries,
      d1RowsRead: counter?.rowsRead,
    });
  };
}
