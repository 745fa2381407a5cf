import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { upsertWebhook } from "@vanguard/db/audits";
import {
  decryptField,
  encryptField,
  lookupHash,
  personalDataKeys,
  sealPersonal,
  signContext,
} from "@vanguard/platform";
import { memberFixture, tenantFixture } from "@vanguard/testing/fixtures";
import { principalFor, TEST_INTERNAL_SECRET } from "@vanguard/testing/module-harness";
import { describe, expect, it } from "vitest";
import worker from "../src/index";

const secrets = env as unknown as { MEMBER_DATA_KEY: string; MEMBER_LOOKUP_KEY: string };
const NEW = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
/** After a rotation: the new key seals, the old one (k1) still opens; lookup hashes keep their key. */
const rotated = {
  MEMBER_DATA_KEY: undefined,
  MEMBER_DATA_KEYS: `k2:${NEW} k1:${secrets.MEMBER_DATA_KEY}`,
  MEMBER_LOOKUP_KEY: secrets.MEMBER_LOOKUP_KEY,
};

/** What v1 looked like: AES-GCM under the key's bytes, no key id. */
async function sealV1(plaintext: string) {
  const raw = Uint8Array.from(atob(secrets.MEMBER_DATA_KEY), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt"]);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(plaintext)),
  );
  return `v1:${btoa(String.fromCharCode(...iv, ...ct))}`;
}

async function call(
  t: Awaited<ReturnType<typeof tenantFixture>>,
  role: "platform_admin" | "auditor",
  body: unknown,
) {
  const token = await signContext(TEST_INTERNAL_SECRET, {
    principal: principalFor(role, t.ref),
    requestId: "req_reseal",
    lang: "zh-CN",
  });
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request("https://module.internal/v1/audits/reseal", {
      method: "POST",
      headers: { "content-type": "application/json", "x-vanguard-context": token },
      body: JSON.stringify(body),
    }),
    { ...env, ...rotated } as never,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("re-sealing after a key rotation", () => {
  it("seals every older ciphertext of a shard under the new key, page by page, keeping lookup hashes", async () => {
    const t = await tenantFixture({ shard: 1 });
    const before = await personalDataKeys(env as never);
    const sealed = await sealPersonal(env as never, { idNumber: "11010519491231002X", phone: "13812345678" });
    const a = await memberFixture(t.tc, { name: "甲", ...sealed });
    const b = await memberFixture(t.tc, { name: "乙", phoneEnc: await sealV1("13900000000") });
    await memberFixture(t.tc, { name: "丙" });
    await t.tc.shard.d1.batch([
      upsertWebhook(t.tc, {
        url: "https://hooks.example.com/v",
        secretEnc: await encryptField(before, "whsec_old"),
        at: new Date().toISOString(),
        version: 1,
      }),
    ]);

    expect((await call(t, "auditor", { shard: 1 })).status).toBe(403);
    let cursor: string | undefined;
    let resealed = 0;
    for (let pages = 0; pages < 1000; pages++) {
      const r = await call(t, "platform_admin", { shard: 1, limit: 2, ...(cursor ? { cursor } : {}) });
      expect(r.status).toBe(200);
      expect(r.body.keyId).toBe("k2");
      resealed += r.body.resealed as number;
      cursor = (r.body.nextCursor as string | null) ?? undefined;
      if (!cursor) break;
    }
    expect(cursor).toBeUndefined();
    expect(resealed).toBeGreaterThanOrEqual(3);

    const ring = await personalDataKeys(rotated);
    const newOnly = await personalDataKeys({
      MEMBER_DATA_KEYS: `k2:${NEW}`,
      MEMBER_LOOKUP_KEY: secrets.MEMBER_LOOKUP_KEY,
    });
    const rows = await t.tc.shard.d1
      .prepare(
        "SELECT id, id_number_enc, id_number_hash, phone_enc FROM members WHERE branch_id = ? AND id IN (?, ?)",
      )
      .bind(t.ref.branchId, a.id, b.id)
      .all<{
        id: string;
        id_number_enc: string | null;
        id_number_hash: string | null;
        phone_enc: string | null;
      }>();
    const byId = new Map(rows.results.map((r) => [r.id, r]));
    const ra = byId.get(a.id)!;
    expect(ra.id_number_enc).toMatch(/^v2:k2:/);
    expect(ra.phone_enc).toMatch(/^v2:k2:/);
    // readable once the old key is gone
    expect(await decryptField(newOnly, ra.id_number_enc!)).toBe("11010519491231002X");
    expect(await decryptField(newOnly, ra.phone_enc!)).toBe("13812345678");
    expect(ra.id_number_hash).toBe(sealed.idNumberHash);
    expect(ra.id_number_hash).toBe(await lookupHash(ring, "11010519491231002X"));
    expect(await decryptField(newOnly, byId.get(b.id)!.phone_enc!)).toBe("13900000000");
    const hook = await t.tc.shard.d1
      .prepare("SELECT secret_enc FROM webhooks WHERE branch_id = ?")
      .bind(t.ref.branchId)
      .first<{ secret_enc: string }>();
    expect(await decryptField(newOnly, hook!.secret_enc)).toBe("whsec_old");

    // a second pass finds nothing left to do
    let again = 0;
    cursor = undefined;
    for (let pages = 0; pages < 1000; pages++) {
      const r = await call(t, "platform_admin", { shard: 1, limit: 50, ...(cursor ? { cursor } : {}) });
      again += r.body.resealed as number;
      cursor = (r.body.nextCursor as string | null) ?? undefined;
      if (!cursor) break;
    }
    expect(again).toBe(0);
  });
});
