import type { Context } from "hono";
import type { ApiEnv } from "../env";
import { DASHBOARD_CSP, DASHBOARD_HTML } from "./dashboard-page";

/** `/dashboard`: the page itself needs no key; it asks for one and every data request carries it. */
export function dashboardPage(c: Context<ApiEnv>) {
  c.header("Content-Security-Policy", DASHBOARD_CSP);
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Referrer-Policy", "no-referrer");
  c.header("Cache-Control", "no-cache");
  return c.html(DASHBOARD_HTML);
}
