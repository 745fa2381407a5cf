import type { RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { AppEnv, PlatformBindings } from "./env";

/** A handler typed from its route declaration, as in hono-open-api-starter. */
export type AppRouteHandler<
  R extends RouteConfig,
  B extends PlatformBindings = PlatformBindings,
> = RouteHandler<R, AppEnv<B>>;
