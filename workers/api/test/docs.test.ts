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
    // signing in needs no credential
    expect(spec.paths["/v1/auth/login"]!.post).not.toHaveProperty("security");
  });

  it("renders the docs from assets served by the worker itself, no CDN", async () => {
    const page = await exports.default.fetch("https://vanguard.test/docs");
    const html = await page.text();
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(html).toContain('src="/vendor/scalar/standalone.js"');
    expect(html).not.toMatch(/https?:\/\/(cdn|unpkg|jsdelivr)/);
  });
});
