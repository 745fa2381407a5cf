import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { signContext } from "@vanguard/platform";
import { tenantFixture } from "@vanguard/testing/fixtures";
import { moduleCall, principalFor, TEST_INTERNAL_SECRET } from "@vanguard/testing/module-harness";
import { describe, expect, it } from "vitest";
import worker from "../src/index";

type Fixture = Awaited<ReturnType<typeof tenantFixture>>;

const SECRET = `whsec_${btoa("0123456789abcdef0123456789abcdef")}`;

const put = (t: Fixture, body: unknown) =>
  moduleCall(`/v1/branches/${t.ref.branchId}/webhook`, { ref: t.ref, method: "PUT", body });

/** The worker as production runs it: no local-development flag. */
async function putInProduction(t: Fixture, body: unknown) {
  const token = await signContext(TEST_INTERNAL_SECRET, {
    principal: principalFor("branch_admin", t.ref),
    requestId: "req_strict",
    lang: "zh-CN",
    tenant: t.ref,
    district: { districtId: t.ref.districtId, timeZone: t.ref.timeZone, shard: t.ref.shard },
  });
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(`https://module.internal/v1/branches/${t.ref.branchId}/webhook`, {
      method: "PUT",
      headers: { "content-type": "application/json", "x-vanguard-context": token },
      body: JSON.stringify(body),
    }),
    { ...env, WEBHOOKS_ALLOW_LOOPBACK: undefined } as never,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return { status: res.status, body: (await res.json()) as { errors?: { rule: string }[] } };
}

describe("webhook destinations", () => {
  it("refuses private, loopback, link-local and metadata addresses, literal or IPv4-mapped", async () => {
    const t = await tenantFixture();
    for (const url of [
      "https://169.254.169.254/latest/meta-data/",
      "https://[::ffff:a9fe:a9fe]/",
      "https://10.1.2.3/hook",
      "https://192.168.0.10/hook",
      "https://100.100.100.200/",
      "https://[fd00::1]/",
      "https://metadata.google.internal/",
    ]) {
      const r = await put(t, { url, secret: SECRET });
      expect(r.status).toBe(422);
      expect(r.body.errors[0].rule).toBe("webhook_destination_refused");
    }
    expect((await moduleCall(`/v1/branches/${t.ref.branchId}/webhook`, { ref: t.ref })).status).toBe(404);
  });

  it("allows a loopback receiver only where local development says so", async () => {
    const t = await tenantFixture();
    const strict = await putInProduction(t, { url: "http://127.0.0.1:9/hook", secret: SECRET });
    expect(strict.status).toBe(422);
    expect(strict.body.errors?.[0]?.rule).toBe("webhook_destination_refused");
    expect((await put(t, { url: "http://127.0.0.1:9/hook", secret: SECRET })).status).toBe(200);
  });

  it("takes a Standard Webhooks secret, or makes one and shows it once", async () => {
    const t = await tenantFixture();
    const weak = await put(t, { url: "https://hooks.example.com/v", secret: "not-a-whsec-secret-at-all" });
    expect(weak.status).toBe(400);
    const made = await put(t, { url: "https://hooks.example.com/v" });
    expect(made.status).toBe(200);
    expect(made.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const read = await moduleCall(`/v1/branches/${t.ref.branchId}/webhook`, { ref: t.ref, role: "auditor" });
    expect(read.body).not.toHaveProperty("secret");
    expect(JSON.stringify(read.body)).not.toContain(made.body.secret);
    const given = await put(t, { url: "https://hooks.example.com/v", secret: SECRET });
    expect(given.status).toBe(200);
    expect(given.body).not.toHaveProperty("secret");
  });
});
