import type { Context } from "hono";
import type { AppEnv, PlatformBindings } from "../env";
import { LOGGED_HEADER } from "../http/logger";
import { CONTEXT_HEADER, type InternalContext, signContext } from "./context";
import { KEEP_HEADER } from "./keep";

/**
 * Hands a request to a module worker over its service binding. Client headers that could pose as
 * context (`x-vanguard-*`) are dropped, as is the API key the module has no use for; the context
 * the api worker resolved goes along signed.
 */
export async function forward<B extends PlatformBindings>(
  c: Context<AppEnv<B>>,
  binding: Fetcher,
  ctx: ForwardedContext,
): Promise<Response> {
  return (await forwardMarked(c, binding, ctx)).response;
}

type ForwardedContext = Omit<InternalContext, "exp" | "principal" | "requestId" | "lang">;

/** `forward`, also telling whether the module marked its answer as one that may be kept (keep.ts). */
export async function forwardMarked<B extends PlatformBindings>(
  c: Context<AppEnv<B>>,
  binding: Fetcher,
  ctx: ForwardedContext,
): Promise<{ response: Response; keepable: boolean }> {
  const headers = new Headers();
  for (const [name, value] of c.req.raw.headers) {
    const n = name.toLowerCase();
    if (n.startsWith("x-vanguard-") || n === "authorization" || n === "cookie") continue;
    headers.set(name, value);
  }
  headers.set(
    CONTEXT_HEADER,
    await signContext(c.env.INTERNAL_SECRET, {
      ...ctx,
      principal: c.get("principal"),
      requestId: c.get("requestId"),
      lang: c.get("lang"),
    }),
  );
  const hasBody = c.req.method !== "GET" && c.req.method !== "HEAD";
  const res = await binding.fetch(
    new Request(c.req.url, {
      method: c.req.method,
      headers,
      body: hasBody ? await c.req.arrayBuffer() : undefined,
    }),
  );
  const response = new Response(res.body, res);
  const keepable = response.headers.get(KEEP_HEADER) === "district";
  response.headers.delete(KEEP_HEADER);
  if (response.headers.has(LOGGED_HEADER)) c.set("loggedByModule", true);
  response.headers.delete(LOGGED_HEADER);
  return { response, keepable };
}
