import { newId } from "@vanguard/db";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { setResponseHeader } from "./response-header";

const CLIENT_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Keeps a well-formed client `X-Request-Id` (so traces join up), otherwise mints one. */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header("x-request-id");
    const id = given && CLIENT_ID.test(given) ? given : newId("request");
    c.set("requestId", id);
    await next();
    setResponseHeader(c, "X-Request-Id", id);
  };
}
