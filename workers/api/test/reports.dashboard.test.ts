import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("the dashboard page", () => {
  it("is served by the worker in Chinese, loading only its own assets", async () => {
    const res = await exports.default.fetch("https://vanguard.test/dashboard");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('src="/vendor/chartjs/chart.umd.min.js"');
    expect(html).toContain('src="/dashboard/app.js"');
    expect(html).toContain('href="/dashboard/app.css"');
    // nothing from another origin, and no inline script for the policy to refuse
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });

  it("has its script and styles among the worker's static assets", async () => {
    for (const path of ["/dashboard/app.js", "/dashboard/app.css"]) {
      const res = await env.ASSETS!.fetch(`https://vanguard.test${path}`);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      expect(text).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[a-z]/i);
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
