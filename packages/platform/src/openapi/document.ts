import type { OpenAPIHono } from "@hono/zod-openapi";

export const OPENAPI_INFO = {
  openapi: "3.1.0",
  info: {
    title: "Vanguard 先锋 API",
    version: "1.0.0",
    description:
      "Multi-tenant API for grassroots Party branches: provisioning, members and dues, the development pipeline, study and organizational life, evaluations, audits and reports. Authenticate with `Authorization: Bearer <key>` (machines) or the `vg_session` cookie from `POST /v1/auth/login` (people; cookie-authenticated writes must carry this site's `Origin`). Errors are `application/problem+json` in zh-CN (default) or en (`Accept-Language: en`). Send an `Idempotency-Key` with every POST so that a retry never writes twice; on 429 and 503 wait `Retry-After` seconds and retry. Lists page with `limit` and `cursor` until `nextCursor` is null.",
    contact: { name: "Vanguard 先锋" },
  },
} as const;

// biome-ignore lint/suspicious/noExplicitAny: routers of any env share one registry shape
export function registerSecurity(app: OpenAPIHono<any>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "an API key (`vgk_…`) issued by a district or platform admin",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "vg_session",
    description: "the session a person gets from POST /v1/auth/login (HttpOnly; 12 h idle, 7 days at most)",
  });
}
