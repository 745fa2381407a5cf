import { todayIn } from "@vanguard/domain";
import { forward, forwardMarked, TtlCache } from "@vanguard/platform";
import type { Context } from "hono";
import type { ApiEnv } from "../env";
import { districtCounts, fingerprint, KEEP_MS, keepAnswer, keptAnswer } from "../shared/kept-page";

type Forwarded = Parameters<typeof forward>[2];

/**
 * Paths whose module said last time that its answer may be kept. Only these read the district's
 * counts before they are forwarded: a module read that is never kept pays nothing for this.
 */
const keepablePaths = new TtlCache<true>(1024);

/**
 * How long a module's answer is kept at most. A module's views remember the district's rules for
 * 30 s and its branch names for a minute themselves (a change made through another isolate reaches
 * them that late), so an answer computed just after such a change may still show the old one. Kept
 * no longer than 30 s, it is gone at most 30 s after the module's own memory would have let it go.
 */
const MODULE_KEEP_MS = 30_000;

/** Headers that belong to one request, not to the answer: never kept, never replayed. */
const PER_REQUEST = /^(x-request-id|x-d1-.*|date|server-timing|set-cookie|content-length)$/i;

/**
 * A module's read, answered from this isolate's memory when the module marked it as keepable and
 * nothing in the district (its shard, the directory) has been written since (docs/architecture.md,
 * "Kept answers"). A repeat then costs one round trip for the counts and no call to the module.
 * The caller's scope was checked before; the key holds who asks, in which language, and the
 * district's day, so nothing kept for one caller or one day answers another.
 */
export async function keptForward(c: Context<ApiEnv>, binding: Fetcher, ctx: Forwarded): Promise<Response> {
  // the district the answer reads (a branch route names its district too)
  const where = ctx.district;
  if (c.req.method !== "GET" || !where) return forward(c, binding, ctx);
  const url = new URL(c.req.url);
  const now = Date.now();
  if (!keepablePaths.get(url.pathname, now)) {
    // the first read of a path learns whether its module keeps it; the counts were not read
    // before it, so its answer is not kept
    const { response, keepable } = await forwardMarked(c, binding, ctx);
    if (keepable) keepablePaths.set(url.pathname, true, now + KEEP_MS);
    return response;
  }
  const k = JSON.stringify([
    "module",
    url.pathname + url.search,
    fingerprint(c.get("principal")),
    c.get("lang"),
    c.req.header("accept") ?? "",
    todayIn(where.timeZone),
    ctx.tenant?.recordsFrom ?? null,
  ]);
  const generation = await districtCounts(c, {
    districtId: where.districtId,
    shard: where.shard,
    directory: true,
  });
  const hit = keptAnswer(k, generation, now);
  if (hit) return new Response(hit.body, { status: 200, headers: hit.headers });
  const { response, keepable } = await forwardMarked(c, binding, ctx);
  if (!keepable) {
    keepablePaths.delete(url.pathname);
    return response;
  }
  if (response.status !== 200) return response;
  const body = await response.arrayBuffer();
  const headers = [...response.headers].filter(([name]) => !PER_REQUEST.test(name));
  keepAnswer(k, generation, body, headers, now, MODULE_KEEP_MS);
  return new Response(body, response);
}
