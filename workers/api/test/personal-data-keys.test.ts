import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../src/index";

/** The worker as it would run with these secrets, called in this isolate so its log can be read. */
async function withSecrets(secrets: Record<string, string | undefined>, path: string) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(`https://vanguard.test${path}`, {
      headers: { authorization: "Bearer vgk_test_platform_admin" },
    }),
    {
      ...env,
      MEMBER_DATA_KEY: undefined,
      MEMBER_DATA_KEYS: undefined,
      MEMBER_LOOKUP_KEY: undefined,
      ...secrets,
    } as never,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return { status: res.status, body: (await res.json()) as { code: string; detail: string } };
}

describe("without a usable personal-data key the worker refuses to work", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ["missing", {}],
    ["empty", { MEMBER_DATA_KEY: "" }],
    ["a passphrase", { MEMBER_DATA_KEY: "member-data-key" }],
    ["text in base64", { MEMBER_DATA_KEY: "ZGV2LW1lbWJlci1kYXRhLWtleS0zMi1ieXRlcyEhISE=" }],
  ])("answers 500 to every request, with a log line saying why, when the key is %s", async (_, secrets) => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const path of ["/health", "/v1/districts", "/openapi.json"]) {
      const r = await withSecrets(secrets, path);
      expect(r.status).toBe(500);
      expect(r.body.code).toBe("misconfigured");
      expect(JSON.stringify(r.body)).not.toContain("MEMBER_DATA_KEY");
    }
    const lines = errors.mock.calls.map((c) => String(c[0]));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.every((l) => /refusing every request: MEMBER_DATA_KEY/.test(l))).toBe(true);
  });

  it("works with a strong key, and with a ring whose current key is strong", async () => {
    expect((await withSecrets({ MEMBER_DATA_KEY: env.MEMBER_DATA_KEY }, "/health")).status).toBe(200);
    const ring = {
      MEMBER_DATA_KEYS: `k2:${env.MEMBER_DATA_KEY} k1:old-passphrase`,
      MEMBER_LOOKUP_KEY: env.MEMBER_LOOKUP_KEY,
    };
    expect((await withSecrets(ring, "/health")).status).toBe(200);
  });
});
