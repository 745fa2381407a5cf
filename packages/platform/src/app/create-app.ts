import { OpenAPIHono } from "@hono/zod-openapi";
import { DataPlane } from "@vanguard/db";
import { KeyConfigError, type PersonalDataEnv, personalDataKeys } from "../crypto/keyring";
import type { AppEnv, PlatformBindings } from "../env";
import { negotiateLang } from "../errors/lang";
import { handleError } from "../errors/on-error";
import { ProblemError } from "../errors/problem";
import { issueItems } from "../errors/zod-issues";
import { requestBodyLimit, type UploadRoute } from "../http/body-limit";
import { log, requestLog } from "../http/logger";
import { allowedMethods, httpManners } from "../http/manners";
import { requestId } from "../http/request-id";

/**
 * A router whose validation failures become one problem+json shape: 400 with every failed field,
 * in the client's language.
 */
export function createRouter<B extends PlatformBindings = PlatformBindings>() {
  return new OpenAPIHono<AppEnv<B>>({
    strict: false,
    defaultHook: (result) => {
      if (!result.success) {
        throw new ProblemError("invalid_request", undefined, result.error.issues.flatMap(issueItems));
      }
    },
  });
}

/** The app every worker builds on: request id, language, logs, data plane, body limit, errors. */
export function createApp<B extends PlatformBindings = PlatformBindings>(opts: {
  service: string;
  /** a module worker: says in its answer when it logged the request (http/logger.ts) */
  tellsForwarder?: boolean;
  /** routes that take files over the default body limit; their own limit applies after authentication */
  uploads?: readonly UploadRoute[];
  /** the worker seals or opens personal data: without usable keys it answers nothing but 500 */
  personalData?: boolean;
}) {
  const app = createRouter<B>();
  app.use("*", requestId());
  app.use("*", async (c, next) => {
    c.set("lang", negotiateLang(c.req.header("accept-language")));
    c.set("plane", new DataPlane(c.env));
    c.header("Content-Language", c.get("lang"));
    await next();
  });
  app.use("*", requestLog(opts.service, { tellsForwarder: opts.tellsForwarder }));
  app.use("*", httpManners(app));
  if (opts.personalData) {
    app.use("*", async (c, next) => {
      try {
        await personalDataKeys(c.env as PersonalDataEnv);
      } catch (err) {
        if (!(err instanceof KeyConfigError)) throw err;
        log(
          "error",
          `refusing every request: ${err.message}; set a key of 32 random bytes (openssl rand -base64 32)`,
          {
            service: opts.service,
            requestId: c.get("requestId"),
          },
        );
        throw new ProblemError("misconfigured");
      }
      await next();
    });
  }
  app.use("*", requestBodyLimit(opts.uploads));
  app.notFound((c) => {
    // a path the API has, asked with a method it does not take
    const allow = allowedMethods(app, c.req.path);
    if (allow.length)
      throw new ProblemError("method_not_allowed", undefined, [], { Allow: allow.join(", ") });
    throw new ProblemError("not_found");
  });
  app.onError(handleError);
  return app;
}
