import type { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { setResponseHeader } from "./response-header";

interface DeclaredRoute {
  method: string;
  re: RegExp;
  template: string;
}

// biome-ignore lint/suspicious/noExplicitAny: routers of any env share one registry shape
type AnyApp = OpenAPIHono<any>;

const compiled = new WeakMap<AnyApp, DeclaredRoute[]>();

/** The app's declared routes (createRoute), read once the app is built: the first request comes after. */
function declaredRoutes(app: AnyApp): DeclaredRoute[] {
  let routes = compiled.get(app);
  if (!routes) {
    routes = app.openAPIRegistry.definitions.flatMap((d) =>
      d.type === "route"
        ? [
            {
              method: d.route.method.toUpperCase(),
              template: d.route.path,
              re: new RegExp(`^${d.route.path.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`),
            },
          ]
        : [],
    );
    compiled.set(app, routes);
  }
  return routes;
}

/** The methods a declared route takes at this path (empty when no route has the path): `Allow` of a 405. */
export function allowedMethods(app: AnyApp, path: string): string[] {
  const methods = new Set(
    declaredRoutes(app)
      .filter((r) => r.re.test(path))
      .map((r) => r.method),
  );
  if (methods.has("GET")) methods.add("HEAD");
  return [...methods].sort();
}

/**
 * Where a 201's new resource can be read: the created path plus the id when that is a declared
 * GET route, else the GET route named after the collection (a letter issued under a member is read
 * at /v1/transfers/{transferId}). Undefined when the resource has no route of its own.
 */
export function locationOf(app: AnyApp, path: string, id: string): string | undefined {
  const gets = declaredRoutes(app).filter((r) => r.method === "GET");
  const direct = `${path.replace(/\/$/, "")}/${encodeURIComponent(id)}`;
  if (gets.some((r) => r.re.test(direct))) return direct;
  const collection = path.split("/").filter(Boolean).pop();
  if (!collection) return undefined;
  const top = `/v1/${collection}/${encodeURIComponent(id)}`;
  return gets.some((r) => r.re.test(top)) ? top : undefined;
}

/**
 * HTTP manners every API answer keeps: `Location` on a 201, and no cache keeps or mixes up an
 * answer (they hold tenants' and people's data, in the format and language asked for).
 */
export function httpManners(app: AnyApp): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.req.path.startsWith("/v1/")) return;
    if (!c.res.headers.has("cache-control")) setResponseHeader(c, "Cache-Control", "no-store");
    // a route's own Vary (a kept report varies on Accept-Encoding) is kept beside these
    const own = c.res.headers.get("vary");
    setResponseHeader(c, "Vary", own ? `Accept, Accept-Language, ${own}` : "Accept, Accept-Language");
    // read after the headers are set: setting one may replace c.res
    const res = c.res;
    if (res.status !== 201 || res.headers.has("location")) return;
    if (!res.headers.get("content-type")?.includes("json")) return;
    const body = (await res
      .clone()
      .json()
      .catch(() => null)) as { id?: unknown } | null;
    if (typeof body?.id !== "string") return;
    const location = locationOf(app, c.req.path, body.id);
    if (location) setResponseHeader(c, "Location", location);
  };
}
