import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("the console's pages", () => {
  it("sends /dashboard, the old key-based page, to the console", async () => {
    for (const path of ["/dashboard", "/console"]) {
      const res = await exports.default.fetch(`https://vanguard.test${path}`, { redirect: "manual" });
      expect(res.status, path).toBe(301);
      expect(res.headers.get("location"), path).toBe("/console/");
    }
  });

  it("serves the app for every console path, in Chinese, under a policy that admits only this origin", async () => {
    for (const path of ["/console/", "/console/branch/members", "/console/sign-in?next=%2Fbranch%2Fdues"]) {
      const res = await exports.default.fetch(`https://vanguard.test${path}`);
      // the build comes first in `pnpm test` (pnpm console:build)
      expect(res.status, `${path}: is the console built?`).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      const csp = res.headers.get("content-security-policy") ?? "";
      for (const d of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "frame-ancestors 'none'",
      ])
        expect(csp, d).toContain(d);
      expect(csp).not.toContain("unsafe");
      const html = await res.text();
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).toMatch(/<script type="module" crossorigin src="\/console\/assets\/console-[\w-]+\.js">/);
      // nothing from another origin, and no inline script for the policy to refuse
      expect(html).not.toMatch(/(src|href)="https?:/);
      expect(html).not.toMatch(/<script[^>]*>[^<]+<\/script>/);
    }
  });

  it("has the built scripts among the worker's static assets, naming no other origin", async () => {
    const html = await (await exports.default.fetch("https://vanguard.test/console/")).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/console\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const path of assets) {
      const res = await env.ASSETS!.fetch(`https://vanguard.test${path}`);
      expect(res.status, path).toBe(200);
    }
  });

  it("documents the reports in the merged OpenAPI spec, CSV included", async () => {
    const res = await exports.default.fetch("https://vanguard.test/openapi.json");
    const spec = (await res.json()) as {
      paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    for (const path of ["compliance", "development", "study", "trends"]) {
      const get = spec.paths[`/v1/reports/${path}`]?.get;
      expect(get, path).toBeDefined();
      expect(Object.keys(get!.responses["200"]!.content!)).toEqual(["application/json", "text/csv"]);
    }
  });
});
