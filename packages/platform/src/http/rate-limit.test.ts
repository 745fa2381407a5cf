import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { handleError } from "../errors/on-error";
import {
  BatchedCount,
  batchSize,
  enforceRateLimit,
  limitPerMinute,
  RATE_LIMIT_CEILING,
  underLimit,
} from "./rate-limit";

/** A stand-in for Workers' binding that counts weights as the runtime does, with a fixed ceiling. */
function binding(ceiling: number) {
  const counts = new Map<string, number>();
  const calls: RateLimitOptions[] = [];
  return {
    calls,
    limit: async (o: RateLimitOptions) => {
      calls.push(o);
      const n = counts.get(o.key) ?? 0;
      if (n >= ceiling) return { success: false };
      counts.set(o.key, n + (o.delta ?? 1));
      return { success: true };
    },
  };
}

describe("rate limits", () => {
  it("weighs each call so the binding's ceiling enforces the limit the environment asks for", async () => {
    const b = binding(RATE_LIMIT_CEILING);
    let passed = 0;
    for (let i = 0; i < 20; i++) {
      try {
        await enforceRateLimit(b, "api", "key:a", 7);
        passed += 1;
      } catch {
        // refused
      }
    }
    expect(passed).toBe(7);
    expect(b.calls[0]).toEqual({ key: "api:key:a", delta: Math.ceil(RATE_LIMIT_CEILING / 7) });
  });

  it("refuses with 429, Retry-After, RateLimit and RateLimit-Policy", async () => {
    const b = binding(0);
    const err = await enforceRateLimit(b, "signin", "203.0.113.1", 60).catch((e) => e);
    expect(err.status).toBe(429);
    const t = Number(err.headers["Retry-After"]);
    expect(t).toBeGreaterThanOrEqual(1);
    expect(t).toBeLessThanOrEqual(60);
    expect(err.headers.RateLimit).toBe(`"signin";r=0;t=${t}`);
    expect(err.headers["RateLimit-Policy"]).toBe('"signin";q=60;w=60');
  });

  it("leaves out the weight at the ceiling, and reads its limits from the environment", async () => {
    const b = binding(RATE_LIMIT_CEILING);
    await enforceRateLimit(b, "api", "k", RATE_LIMIT_CEILING);
    expect(b.calls[0]).toEqual({ key: "api:k" });
    expect(limitPerMinute(undefined, 1200)).toBe(1200);
    expect(limitPerMinute("90", 1200)).toBe(90);
    expect(limitPerMinute("0", 1200)).toBe(0);
    expect(limitPerMinute("lots", 1200)).toBe(0);
  });

  it("withholds a read's result over the limit, and never starts a write over it", async () => {
    const app = new Hono();
    const done: string[] = [];
    app.onError((err, c) => handleError(err, c as never));
    app.use("*", async (c, next) =>
      underLimit(c.req.method, () => enforceRateLimit(binding(0), "api", "k", 5), next),
    );
    app.get("/r", (c) => {
      done.push("read");
      return c.json({ secret: "the read's result" });
    });
    app.post("/w", (c) => {
      done.push("write");
      return c.json({ ok: true });
    });
    const read = await app.request("/r");
    expect(read.status).toBe(429);
    expect(await read.text()).not.toContain("the read's result");
    const write = await app.request("/w", { method: "POST" });
    expect(write.status).toBe(429);
    expect(done).toEqual(["read"]);
  });

  it("lets a read within the quota through untouched", async () => {
    const app = new Hono();
    app.use("*", async (c, next) =>
      underLimit(c.req.method, () => enforceRateLimit(binding(RATE_LIMIT_CEILING), "api", "k", 5), next),
    );
    app.get("/r", (c) => c.json({ ok: true }));
    const r = await app.request("/r");
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true });
  });

  it("counts a key's requests in batches: one call per ten at 1,200 a minute, the full weight each time", async () => {
    const b = binding(RATE_LIMIT_CEILING);
    const counts = new BatchedCount();
    for (let i = 0; i < 30; i++) await counts.enforce(b, "api", "key:a", 1200, 0);
    expect(batchSize(1200)).toBe(10);
    expect(b.calls).toEqual(
      Array.from({ length: 3 }, () => ({
        key: "api:key:a",
        delta: 10 * Math.ceil(RATE_LIMIT_CEILING / 1200),
      })),
    );
  });

  it("lets through at most the limit plus one batch less one, then refuses until the window ends without asking", async () => {
    const b = binding(RATE_LIMIT_CEILING);
    const counts = new BatchedCount();
    const t0 = 60_000 * 1000 + 5_000; // 5 s into a window
    let passed = 0;
    let refused = 0;
    for (let i = 0; i < 1500; i++) {
      try {
        await counts.enforce(b, "api", "key:a", 1000, t0);
        passed += 1;
      } catch (err) {
        refused += 1;
        expect((err as { status: number }).status).toBe(429);
        expect((err as { headers: Record<string, string> }).headers["Retry-After"]).toBe("55");
      }
    }
    expect(passed).toBeGreaterThanOrEqual(1000);
    expect(passed).toBeLessThanOrEqual(1000 + batchSize(1000) - 1);
    expect(refused).toBe(1500 - passed);
    const asked = b.calls.length;
    await expect(counts.enforce(b, "api", "key:a", 1000, t0 + 1000)).rejects.toMatchObject({ status: 429 });
    expect(b.calls.length).toBe(asked);
    // the next window asks the binding again
    await counts.enforce(b, "api", "key:b", 1000, t0 + 55_000).catch(() => undefined);
    for (let i = 0; i < 10; i++)
      await counts.enforce(b, "api", "key:a", 1000, t0 + 55_000).catch(() => undefined);
    expect(b.calls.length).toBe(asked + 1);
  });

  it("counts a small limit one by one, exactly", async () => {
    const b = binding(RATE_LIMIT_CEILING);
    const counts = new BatchedCount();
    let passed = 0;
    for (let i = 0; i < 20; i++) {
      try {
        await counts.enforce(b, "api", "key:a", 7, 0);
        passed += 1;
      } catch {
        // refused
      }
    }
    expect(batchSize(7)).toBe(1);
    expect(passed).toBe(7);
  });
});
