import { OpenAPIHono } from "@hono/zod-openapi";
import { DataPlane } from "@vanguard/db";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv, PlatformBindings } from "../env";
import { negotiateLang } from "../errors/lang";
import { handleError } from "../errors/on-error";
import { ProblemError } from "../errors/problem";
import { issuePath, localizeIssue } from "../errors/zod-issues";
import { requestLog } from "../http/logger";
import { requestId } from "../http/request-id";

/** Request bodies over this are refused with 413 (the CSV import route sets its own, larger limit). */
export const BODY_LIMIT = 1024 * 1024;

/**
 * A router whose validation failures become one problem+json shape: 400 with every failed field,
 * in the client's language.
 */
export function createRouter<B extends PlatformBindings = PlatformBindings>() {
  return new OpenAPIHono<AppEnv<B>>({
    strict: false,
    defaultHook: (result) => {
      if (!result.success) {
        throw new ProblemError(
          "invalid_request",
          undefined,
          result.error.issues.map((issue) => ({ path: issuePath(issue), message: localizeIssue(issue) })),
        );
      }
    },
  });
}

/** The app every worker builds on: request id, language, logs, data plane, body limit, errors. */
export function createApp<B extends PlatformBindings = PlatformBindings>(opts: { service: string }) {
  const app = createRouter<B>();
  app.use("*", requestId());
  app.use("*", async (c, next) => {
    c.set("lang", negotiateLang(c.req.header("accept-language")));
    c.set("plane", new DataPlane(c.env));
    c.header("Content-Language", c.get("lang"));
    await next();
  });
  app.use("*", requestLog(opts.service));
  app.use("*", async (c, next) => {
    // imports read their own larger limit (uploads/read-upload.ts)
    if (c.req.path.endsWith("/import")) return next();
    return bodyLimit({
      maxSize: BODY_LIMIT,
      onError: () => {
        throw new ProblemError("payload_too_large", {
          zh: "请求体不能超过 1 MiB",
          en: "Request bodies are limited to 1 MiB",
        });
      },
    })(c, next);
  });
  app.notFound(() => {
    throw new ProblemError("not_found");
  });
  app.onError(handleError);
  return app;
}
