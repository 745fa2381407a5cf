import { Hono } from "hono";
import { describe, expect, it, vi } from "vitest";
import type { AppEnv } from "../env";
import { forward } from "../internal/forward";
import { LOGGED_HEADER, requestLog, SLOW_REQUEST_MS, shouldLog } from "./logger";

describe("which requests are logged", () => {
  const read = { method: "GET", status: 200, ms: 12 };

  it("by default: every change, refusal, failure and slow request, and no quick successful read", () => {
    expect(shouldLog(undefined, read)).toBe(false);
    expect(shouldLog(undefined, { ...read, method: "HEAD" })).toBe(false);
    expect(shouldLog(undefined, { ...read, method: "POST", status: 201 })).toBe(true);
    expect(shouldLog(undefined, { ...read, method: "DELETE", status: 204 })).toBe(true);
    expect(shouldLog(undefined, { ...read, status: 404 })).toBe(true);
    expect(shouldLog(undefined, { ...read, status: 503 })).toBe(true);
    expect(shouldLog(undefined, { ...read, ms: SLOW_REQUEST_MS })).toBe(true);
  });

  it("all of them with `all`, none with `0`", () => {
    expect(shouldLog("all", read)).toBe(true);
    expect(shouldLog("0", { ...read, method: "POST", status: 500 })).toBe(false);
  });
});

describe("one line per forwarded request", () => {
  it("is the module's: the api worker leaves its own out, and the mark never reaches the client", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    try {
      const module = new Hono<AppEnv>();
      module.use("*", requestLog("study", { tellsForwarder: true }));
      module.post("/v1/x", (c) => c.json({ ok: true }, 201));
      const api = new Hono<AppEnv>();
      api.use("*", requestLog("api"));
      api.post("/v1/x", (c) => {
        c.set("requestId", "req_1");
        c.set("lang", "zh-CN");
        return forward(c, { fetch: (r: Request) => module.fetch(r) } as unknown as Fetcher, {});
      });
      api.post("/v1/own", (c) => c.json({ ok: true }, 201));
      const res = await api.request("/v1/x", { method: "POST" }, { INTERNAL_SECRET: "s" });
      expect(res.status).toBe(201);
      expect(res.headers.get(LOGGED_HEADER)).toBeNull();
      expect(lines.map((l) => JSON.parse(l).service)).toEqual(["study"]);
      // a request the api worker answers itself is still logged by it
      await api.request("/v1/own", { method: "POST" }, { INTERNAL_SECRET: "s" });
      expect(lines.map((l) => JSON.parse(l).service)).toEqual(["study", "api"]);
    } finally {
      spy.mockRestore();
    }
  });
});
