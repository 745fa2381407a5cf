import type { Context } from "hono";
import type { ApiEnv } from "../env";

/**
 * The console's policy: its scripts, styles, fonts and data all come from this origin (the build
 * is served as this worker's static assets), nothing inline may run, and no other site may frame
 * it. Element Plus and ECharts set styles through the CSSOM, which `style-src 'self'` allows.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * An app of the console's build served under `mount`: every path that is not a built file gets the
 * app's index.html (the router in the page picks the screen), with the CSP above. The built files
 * under /console/assets/ are served straight from static assets (wrangler.toml `run_worker_first`).
 */
function appPage(mount: string, index: string) {
  return async (c: Context<ApiEnv>) => {
    // the page resolves its routes under its mount, so the bare path gets its slash (c.req.path drops it)
    if (!new URL(c.req.url).pathname.startsWith(mount)) return c.redirect(mount, 301);
    const assets = c.env.ASSETS;
    const res = assets ? await assets.fetch(new URL(index, c.req.url)) : undefined;
    if (!res?.ok) {
      return c.text("The console is not built: run `pnpm console:build` (or `pnpm dev`).", 503);
    }
    const headers = new Headers(res.headers);
    headers.set("Content-Security-Policy", CONSOLE_CSP);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Cache-Control", "no-cache");
    return new Response(res.body, { status: 200, headers });
  };
}

/** `/console/…`: the web console for secretaries and organization departments. */
export const consolePage = appPage("/console/", "/console/");
/** `/m/…`: the member's phone pages, the build's second entry (console/m/index.html). */
export const phonePage = appPage("/m/", "/console/m/");
