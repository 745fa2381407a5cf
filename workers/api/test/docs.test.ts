import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("API documentation", () => {
  it("serves one OpenAPI 3.1 spec merged from every worker", async () => {
    const res = await exports.default.fetch("https://vanguard.test/openapi.json");
    expect(res.status).toBe(200);
    const spec = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { securitySchemes: object };
    };
    expect(spec.openapi).toBe("3.1.0");
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        "/v1/districts",
        "/v1/branches/{branchId}/members",
        "/v1/branches/{branchId}/members/import",
        "/v1/transfers/{transferId}/accept",
        "/v1/branches/{branchId}/events/verify",
      ]),
    );
    // either credential: a key, or a person's session cookie
    expect(spec.paths["/v1/branches/{branchId}/members"]!.post).toMatchObject({
      security: [{ bearer: [] }, { session: [] }],
    });
    expect(spec.components.securitySchemes).toHaveProperty("bearer");
    expect(spec.components.securitySchemes).toHaveProperty("session", {
      type: "apiKey",
      in: "cookie",
      name: "vg_session",
      description: expect.any(String),
    });
    // signing in needs no credential, and says so
    expect(spec.paths["/v1/auth/login"]!.post).toHaveProperty("security", []);
  });

  it("renders the docs from assets served by the worker itself, no CDN", async () => {
    const page = await exports.default.fetch("https://vanguard.test/docs");
    const html = await page.text();
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(html).toContain('src="/vendor/scalar/standalone.js"');
    expect(html).not.toMatch(/https?:\/\/(cdn|unpkg|jsdelivr)/);
  });

  it("gives /docs a strict policy: scripts from this origin only, no inline script, nothing sent elsewhere", async () => {
    const page = await exports.default.fetch("https://vanguard.test/docs");
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    const html = await page.text();
    // every script has a src on this origin: none inline
    expect(html.match(/<script[^>]*>/g)?.every((tag) => /src="\/[^/]/.test(tag))).toBe(true);
    const init = await exports.default.fetch("https://vanguard.test/docs/init.js");
    expect(init.status).toBe(200);
    expect(init.headers.get("content-type")).toContain("javascript");
    const js = await init.text();
    // Scalar's cloud features stay off: the AI agent, MCP, telemetry, the hosted client and proxy
    for (const off of [
      /agent:\s*\{\s*disabled:\s*true/,
      /mcp:\s*\{\s*disabled:\s*true/,
      /telemetry:\s*false/,
      /hideClientButton:\s*true/,
      /showDeveloperTools:\s*"never"/,
      /proxyUrl:\s*""/,
      /withDefaultFonts:\s*false/,
    ]) {
      expect(js).toMatch(off);
    }
    expect(js).not.toMatch(/https?:\/\//);
  });

  it("answers GET / with a small Chinese page that links to the console and the docs", async () => {
    const res = await exports.default.fetch("https://vanguard.test/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain('href="/console/"');
    expect(html).toContain('href="/docs"');
  });

  it("sends no CORS headers: other origins' pages cannot read the API from a browser", async () => {
    const preflight = await exports.default.fetch("https://vanguard.test/v1/districts", {
      method: "OPTIONS",
      headers: {
        origin: "https://elsewhere.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });
    const read = await exports.default.fetch("https://vanguard.test/v1/districts", {
      headers: { origin: "https://elsewhere.example", authorization: "Bearer vgk_test_platform_admin" },
    });
    expect(read.status).toBe(200);
    for (const res of [preflight, read]) {
      expect([...res.headers.keys()].filter((h) => h.startsWith("access-control-"))).toEqual([]);
    }
  });
});
