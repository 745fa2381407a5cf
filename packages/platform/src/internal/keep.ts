import type { Context } from "hono";

/**
 * The response header by which a module worker tells the api worker that an answer may be kept
 * (docs/architecture.md, "Kept answers"). It never reaches a client: `forward` takes it off.
 */
export const KEEP_HEADER = "x-vanguard-keep";

/**
 * Marks a module's answer as a function of the request, the caller, the district's day and the
 * district's data alone (its shard and the directory). The api worker may then answer the same
 * request from the same caller with these bytes until a write to that district, or the day, changes.
 * A route that shows anything else (the clock, another district, a file store) must not call it.
 */
export function keepableAnswer(c: Context): void {
  c.header(KEEP_HEADER, "district");
}
