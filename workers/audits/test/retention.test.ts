import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { type DataEnv, DataPlane } from "@vanguard/db";
import { describe, expect, it } from "vitest";
import worker from "../src/index";

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const databases = () => {
  const plane = new DataPlane(env as unknown as DataEnv);
  return [
    [plane.directory.d1, "directory_idempotency"],
    [plane.shard(0).d1, "idempotency"],
    [plane.shard(1).d1, "idempotency"],
  ] as const;
};

async function keys(d1: D1Database, table: string): Promise<string[]> {
  const { results } = await d1.prepare(`SELECT key FROM ${table} ORDER BY key`).all<{ key: string }>();
  return results.map((r) => r.key);
}

describe("Idempotency-Key retention", () => {
  it("the hourly cron deletes records older than 24 hours from the directory and every shard", async () => {
    for (const [d1, table] of databases()) {
      const rows = [
        ["old-1", hoursAgo(30)],
        ["old-2", hoursAgo(24.5)],
        ["fresh", hoursAgo(23)],
      ];
      await d1.batch(
        rows.map(([key, at]) =>
          d1
            .prepare(
              `INSERT INTO ${table} (principal_id, key, fingerprint, status, body, created_at) VALUES ('pr_x', ?, 'f', 201, '{}', ?)`,
            )
            .bind(key, at),
        ),
      );
    }
    const ctx = createExecutionContext();
    worker.scheduled(
      createScheduledController({ scheduledTime: new Date(), cron: "30 * * * *" }),
      env as never,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    // the purge runs from the queue: wait for its messages to be consumed
    const left = async () => Promise.all(databases().map(([d1, table]) => keys(d1, table)));
    let now = await left();
    for (let i = 0; i < 200 && now.some((k) => k.length > 1); i++) {
      await new Promise((r) => setTimeout(r, 50));
      now = await left();
    }
    expect(now).toEqual([["fresh"], ["fresh"], ["fresh"]]);
  });
});
