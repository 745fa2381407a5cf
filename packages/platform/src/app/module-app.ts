import type { PlatformBindings } from "../env";
import { internalOnly } from "../internal/module";
import { OPENAPI_INFO, registerSecurity } from "../openapi/document";
import { createApp } from "./create-app";

/**
 * A module worker: no public route, answers only what the api worker vouches for, and serves its
 * OpenAPI fragment for the api worker to merge into the one spec.
 */
export function createModuleApp<B extends PlatformBindings = PlatformBindings>(opts: {
  service: string;
  personalData?: boolean;
}) {
  const app = createApp<B>(opts);
  registerSecurity(app);
  app.use("*", internalOnly());
  app.get("/health", (c) => c.json({ ok: true, service: opts.service }));
  app.get("/openapi.json", (c) => c.json(app.getOpenAPI31Document(OPENAPI_INFO)));
  return app;
}
