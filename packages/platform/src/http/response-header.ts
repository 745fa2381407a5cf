import type { Context } from "hono";

/**
 * Sets a header on the response the handler made. Hono's `c.header` copies the whole response first
 * (a response fetched from a module worker has immutable headers); a response made in this worker
 * takes the header as it is, which spares the copy for each of the headers every request gets.
 */
export function setResponseHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.header(name, value);
  }
}
