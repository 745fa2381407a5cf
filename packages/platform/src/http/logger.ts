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
 * Logs each request once, after it ends, with who asked, the outcome and the D1 work it cost; the
 * same counts go back to the client in `X-D1-Queries` (statements) and `X-D1-Round-Trips` (calls;
 * a batch is one) for benchmarks.
 */
export function requestLog(service: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = Date.now();
    await next();
    const plane = c.get("plane");
    const counter = plane?.counter;
    if (counter) {
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
