import type { PlatformBindings } from "../env";
import { type UploadRoute, uploadBodyLimit } from "../http/body-limit";
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
  /** this worker's routes that take files over the default limit */
  uploads?: readonly UploadRoute[];
}) {
  // its request line is the one logged: the api worker that forwarded the request leaves out its own
  const app = createApp<B>({ ...opts, tellsForwarder: true });
  registerSecurity(app);
  app.use("*", internalOnly());
  if (opts.uploads?.length) app.use("*", uploadBodyLimit(opts.uploads));
  app.get("/health", (c) => c.json({ ok: true, service: opts.service }));
  app.get("/openapi.json", (c) => c.json(app.getOpenAPI31Document(OPENAPI_INFO)));
  return app;
}
