import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { inject } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

/**
 * Runs SQL on a shard of the running stack's local D1, as someone with database access (not the
 * API) would: for setting state a test must not wait for, or tampering a test must detect.
 */
export function sqlOnShard(shard: number, sql: string): void {
  const r = spawnSync(
    join(ROOT, "node_modules/.bin/wrangler"),
    [
      "d1",
      "execute",
      `SHARD_${shard}`,
      "--local",
      "--persist-to",
      inject("statePath"),
      "-c",
      "wrangler.toml",
      "--command",
      sql,
    ],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" } },
  );
  if (r.status !== 0) throw new Error(r.stderr || r.stdout);
}
