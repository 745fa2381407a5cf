import { type Generations, readGenerations, sameGenerations } from "@vanguard/db";
import { todayIn } from "@vanguard/domain";
import { TtlCache } from "@vanguard/platform";
import type { Context } from "hono";
import type { ApiEnv } from "../env";
import type { ReportScope } from "./report-scope";

/**
 * A report's JSON answer, kept by this isolate with the write counts of its districts it was
 * computed under (docs/architecture.md, "Kept reports"). A repeated request reads those counts
 * (one small statement per database) and, when no write has touched the districts since and the
 * day has not turned, answers with the kept bytes: no directory read, no rollups, no scoring, no
 * serialising. The answer is kept gzip-compressed too, for the clients that accept it.
 */
interface KeptReport {
  /** the districts' time zones and the day each was in: a new day is a new period */
  days: { timeZone: string; today: string }[];
  shards: number[];
  generations: Generations;
  json: ArrayBuffer;
  gzip: ArrayBuffer;
}

/** A few reports per isolate, each under a few megabytes: a 4,000-branch report is about 5.6 MB. */
const kept = new TtlCache<KeptReport>(4);
const MAX_BYTES = 8 * 1024 * 1024;
/** even with nothing written, an answer is computed again after a while */
const KEEP_MS = 5 * 60_000;

export interface ReportKey {
  report: string;
  /** the districts the caller's request covers (null: every district, which is never kept) */
  districts: string[] | null;
  /** the request's own parameters (period, …) and language */
  params: readonly unknown[];
}

const keyOf = (k: ReportKey) => JSON.stringify([k.report, [...(k.districts ?? [])].sort(), k.params]);
const shardsOf = (scope: ReportScope) => [...new Set(scope.sets.map((rs) => rs.set.shard.index))];

/**
 * Answers from a kept report when it is current; otherwise reads the scope, computes the answer
 * with `compute`, keeps and answers it. Each database's counts are read before its data (the
 * directory's in the directory read's own transaction), so an answer is never kept under counts
 * newer than what it was computed from.
 */
export async function keptReport(
  c: Context<ApiEnv>,
  key: ReportKey,
  scopeOf: () => Promise<ReportScope>,
  compute: (scope: ReportScope) => Promise<unknown>,
): Promise<Response> {
  const districts = key.districts;
  if (!districts) return c.json((await compute(await scopeOf())) as object, 200);
  const plane = c.get("plane");
  const k = keyOf(key);
  const now = Date.now();
  const hit = kept.get(k, now);
  if (hit?.days.every((d) => todayIn(d.timeZone) === d.today)) {
    const current = await readGenerations(plane, districts, { directory: true, shards: hit.shards });
    if (sameGenerations(hit.generations, current)) return answer(c, hit);
  }
  const scope = await scopeOf();
  const shards = shardsOf(scope);
  const counts = await readGenerations(plane, districts, { directory: false, shards });
  const json = new TextEncoder().encode(JSON.stringify(await compute(scope))).buffer as ArrayBuffer;
  const report: KeptReport = {
    days: scope.directory.districts.map((d) => ({ timeZone: d.timeZone, today: todayIn(d.timeZone) })),
    shards,
    generations: { directory: scope.directory.generations, ...counts },
    json,
    gzip: await gzip(json),
  };
  if (json.byteLength <= MAX_BYTES) kept.set(k, report, now + KEEP_MS);
  return answer(c, report);
}

function gzip(bytes: ArrayBuffer): Promise<ArrayBuffer> {
  return new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer();
}

/** The kept bytes, compressed when the client accepts gzip (as browsers and curl --compressed do). */
function answer(c: Context<ApiEnv>, report: KeptReport): Response {
  c.header("Vary", "Accept-Encoding");
  const gz = /\bgzip\b/i.test(c.req.header("accept-encoding") ?? "");
  if (!gz) return c.body(report.json, 200, { "Content-Type": "application/json" });
  const res = c.body(report.gzip, 200, { "Content-Type": "application/json", "Content-Encoding": "gzip" });
  // the bytes are gzip already: the runtime must send them as they are, not compress them again
  return new Response(res.body, { status: 200, headers: res.headers, encodeBody: "manual" });
}
