import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { must, tenant } from "../support/http";

const ROOT = join(import.meta.dirname, "../..");

/** Edits the local D1 directly, as someone with database access (not the API) would. */
function sqlOnShard(shard: number, sql: string) {
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

describe("tamper evidence", () => {
  it("verifies an intact log and names the first row someone altered in the database", async () => {
    const t = await tenant(1);
    for (const name of ["甲", "乙", "丙"]) {
      await must("POST", `/v1/branches/${t.branch.id}/members`, {
        key: t.branchKey,
        body: { name, gender: "male", birthDate: "1980-01-01", status: "applicant" },
      });
    }
    expect(
      await must("GET", `/v1/branches/${t.branch.id}/events/verify`, { key: t.districtKey }),
    ).toMatchObject({ ok: true, length: 3 });
    sqlOnShard(
      1,
      `UPDATE events SET after = replace(after, '乙', '丁') WHERE scope_id = '${t.branch.id}' AND seq = 2`,
    );
    const verdict = await must("GET", `/v1/branches/${t.branch.id}/events/verify`, { key: t.districtKey });
    expect(verdict).toMatchObject({ ok: false, brokenAt: 2, length: 1 });
  });
});
