import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { setResponseHeader } from "./response-header";

type Level = "info" | "warn" | "error";

/** One JSON object per line: what Workers Logs and `wrangler tail` index and filter on. */
export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, msg, time: new Date().toISOString(), ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}

/** The header by which a module worker tells the api worker it logged a forwarded request. */
export const LOGGED_HEADER = "x-vanguard-logged";

/** A request that ran this long is logged whatever it was. */
export const SLOW_REQUEST_MS = 1000;

/**
 * Which requests get our log line. Workers Logs (`[observability]`) already records every
 * invocation with its method, URL, status and duration; our line adds the request id, the caller
 * and the D1 work. By default it is written where those matter — a change, a refusal or failure,
 * a slow request — and not for the quick successful reads that are most of the traffic: writing a
 * line per read cost a read about a fifth of its throughput on the bench's stack, and each line is
 * a billed log event. `LOG_REQUESTS=all` logs every request, `0` none.
 */
export function shouldLog(
  setting: string | undefined,
  req: { method: string; status: number; ms: number },
): boolean {
  if (setting === "0") return false;
  if (setting === "all") return true;
  const read = req.method === "GET" || req.method === "HEAD";
  return !read || req.status >= 400 || req.ms >= SLOW_REQUEST_MS;
}

/**
 * Logs a request once, after it ends (those `shouldLog` picks), with who asked, the outcome and the D1 work it cost. With
 * D1_METRICS=1 (dev, bench, tests) the same counts go back in `X-D1-Queries` (statements),
 * `X-D1-Round-Trips` (waits: a batch is one, calls side by side are one) and `X-D1-Rows-Read`, on authenticated responses
 * only: an unauthenticated caller must not learn from them whether a branch or key exists.
 */
export function requestLog(
  service: string,
  opts: { tellsForwarder?: boolean } = {},
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = Date.now();
    await next();
    const plane = c.get("plane");
    const counter = plane?.counter;
    if (counter && c.env?.D1_METRICS === "1" && c.get("principal")) {
      // a forwarded response already carries the module worker's count: the client sees the sum
      const add = (name: string, n: number) =>
        setResponseHeader(c, name, String(Number(c.res.headers.get(name) ?? 0) + n));
      add("X-D1-Queries", counter.queries);
      add("X-D1-Round-Trips", counter.roundTrips);
      add("X-D1-Rows-Read", counter.rowsRead);
    }
    const ms = Date.now() - started;
    if (!shouldLog(c.env?.LOG_REQUESTS, { method: c.req.method, status: c.res.status, ms })) return;
    // one line per request: a forwarded one was logged by the module that did the work, under the
    // same request id, unless the time spent here on the way made it slow
    if (c.get("loggedByModule") && ms < SLOW_REQUEST_MS) return;
    const principal = c.get("principal");
    log(c.res.status >= 500 ? "error" : "info", "request", {
      service,
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms,
      principal: principal?.id,
      role: principal?.role,
      d1Queries: counter?.queries,
      d1RowsRead: counter?.rowsRead,
    });
    if (opts.tellsForwarder) setResponseHeader(c, LOGGED_HEADER, "1");
  };
}
