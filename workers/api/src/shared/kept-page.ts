import { readGenerations, type TenantContext } from "@vanguard/db";
import { authCacheMs, TtlCache } from "@vanguard/platform";
import type { Context, MiddlewareHandler, TypedResponse } from "hono";
import type { ApiEnv } from "../env";

/**
 * Answers kept by this isolate (docs/architecture.md, "Kept answers"): a branch page's JSON (the
 * home page, a month of dues, the roll) and a module's read (`modules/kept-forward.ts`).
 *
 * A branch page is kept with the write count of the branch's district in its shard. Every write
 * bumps that count in its own batch, so a repeated request reads the count (one statement, one row)
 * and, when no write has touched the district since, answers with the kept bytes instead of its
 * eight statements and hundreds of rows. The count is read before the data: an answer is never
 * kept under a count newer than what it was computed from.
 */
interface Kept {
  generation: string;
  body: ArrayBuffer;
  /** the answer's own headers (its type, its language), without those of the request it answered */
  headers: [string, string][];
}

/** Pages are a few kilobytes; bounded so that a full cache stays a small share of an isolate's memory. */
const kept = new TtlCache<Kept>(256);
const MAX_BYTES = 64 * 1024;
/** even with nothing written, a page is computed again after a while */
export const KEEP_MS = 5 * 60_000;

/**
 * The directory's count of each district, remembered for AUTH_CACHE_SECONDS like the key and branch
 * this isolate already trusts for that long: the directory changes rarely, and a kept module read
 * then costs one statement in the shard. A write through this isolate forgets them all
 * (`forgetCountsAfterWrites`), so its own change shows at once; another isolate's within the TTL.
 */
const directoryCounts = new TtlCache<string>(5000);

/** After any write through this isolate (a published rule, a renamed branch), its kept reads show it at once. */
export function forgetCountsAfterWrites(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    await next();
    if (c.req.method !== "GET" && c.req.method !== "HEAD") directoryCounts.deleteWhere(() => true);
  };
}

/**
 * The write counts of a district an answer is kept under: its shard's, and the directory's too
 * when the answer shows what the directory holds (rules, names). Read side by side.
 */
export async function districtCounts(
  c: Context<ApiEnv>,
  where: { districtId: string; shard: number; directory: boolean },
): Promise<string> {
  const now = Date.now();
  const known = where.directory ? directoryCounts.get(where.districtId, now) : undefined;
  const counts = await readGenerations(c.get("plane"), [where.districtId], {
    directory: where.directory && known === undefined,
    shards: [where.shard],
  });
  const shard = counts[`shard ${where.shard}`] ?? "";
  if (!where.directory) return shard;
  const directory = known ?? counts.directory ?? "";
  const ttl = authCacheMs(c.env.AUTH_CACHE_SECONDS);
  if (known === undefined && ttl > 0) directoryCounts.set(where.districtId, directory, now + ttl);
  return `${directory} ${shard}`;
}

/** What is kept under `k`, if it was kept under these counts. */
export function keptAnswer(k: string, generation: string, now: number): Kept | undefined {
  const hit = kept.get(k, now);
  return hit && hit.generation === generation ? hit : undefined;
}

/** Keeps an answer computed after the counts were read (never one that is too large). */
export function keepAnswer(
  k: string,
  generation: string,
  body: ArrayBuffer,
  headers: [string, string][],
  now: number,
  keepMs = KEEP_MS,
): void {
  if (body.byteLength <= MAX_BYTES) kept.set(k, { generation, body, headers }, now + keepMs);
}

export interface PageKey {
  page: string;
  /**
   * Everything else the answer depends on: the request's parameters, the language, and the day
   * when the page is about today. The caller's scope was checked before: the key is the branch's.
   */
  params: readonly unknown[];
}

const prints = new WeakMap<object, string>();

/**
 * What a remembered object (the district's rules) says, as a key part: the same object is printed
 * once, and a newer read that says the same thing keeps the page.
 */
export function fingerprint(o: object): string {
  let p = prints.get(o);
  if (p === undefined) {
    p = JSON.stringify(o);
    prints.set(o, p);
  }
  return p;
}

/** The page's answer, typed as the route's JSON so the route's schema still checks what `compute` builds. */
export async function keptPage<T extends object>(
  c: Context<ApiEnv>,
  tc: TenantContext,
  key: PageKey,
  compute: () => Promise<T>,
): Promise<TypedResponse<T, 200, "json">> {
  const k = JSON.stringify([key.page, tc.districtId, tc.branchId, tc.recordsFrom, key.params]);
  const generation = await districtCounts(c, {
    districtId: tc.districtId,
    shard: tc.shard.index,
    directory: false,
  });
  const now = Date.now();
  const hit = keptAnswer(k, generation, now);
  if (hit) return send<T>(c, hit.body);
  const json = new TextEncoder().encode(JSON.stringify(await compute())).buffer as ArrayBuffer;
  keepAnswer(k, generation, json, [], now);
  return send<T>(c, json);
}

function send<T>(c: Context<ApiEnv>, json: ArrayBuffer): TypedResponse<T, 200, "json"> {
  // the bytes are the JSON of a T: what c.json would have sent, without serialising it again
  return c.body(json, 200, { "Content-Type": "application/json" }) as unknown as TypedResponse<
    T,
    200,
    "json"
  >;
}
