import { describe, expect, it } from "vitest";
import { decryptField, encryptField, lookupHash, sealedWith } from "./fields";
import { KeyConfigError, personalDataKeys, strongKeyBytes } from "./keyring";

const random32 = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
const OLD = random32();
const NEW = random32();
const LOOKUP = random32();

/** What v1 looked like: AES-GCM under the key's bytes, `v1:<base64 of iv + ciphertext>`. */
async function sealV1(secretB64: string, plaintext: string) {
  const raw = Uint8Array.from(atob(secretB64), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt"]);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(plaintext)),
  );
  return `v1:${btoa(String.fromCharCode(...iv, ...ct))}`;
}

describe("personal data keys", () => {
  it.each([
    ["unset", {}],
    ["empty", { MEMBER_DATA_KEY: "" }],
    ["blank", { MEMBER_DATA_KEY: "   " }],
    ["a passphrase", { MEMBER_DATA_KEY: "correct horse battery staple" }],
    ["16 bytes", { MEMBER_DATA_KEY: btoa("0123456789abcdef") }],
    ["32 bytes of text", { MEMBER_DATA_KEY: btoa("dev-member-data-key-32-bytes!!!!") }],
    ["32 zero bytes", { MEMBER_DATA_KEY: btoa("\0".repeat(32)) }],
    ["a weak current key in a ring", { MEMBER_DATA_KEYS: `k2:secret k1:${OLD}`, MEMBER_LOOKUP_KEY: LOOKUP }],
    ["a ring without a lookup key", { MEMBER_DATA_KEYS: `k2:${NEW} k1:${OLD}` }],
    ["a ring repeating an id", { MEMBER_DATA_KEYS: `k1:${NEW} k1:${OLD}`, MEMBER_LOOKUP_KEY: LOOKUP }],
    ["a weak lookup key", { MEMBER_DATA_KEY: NEW, MEMBER_LOOKUP_KEY: "lookup" }],
  ])("refuses a key that is %s", async (_, env) => {
    await expect(personalDataKeys(env)).rejects.toBeInstanceOf(KeyConfigError);
  });

  it("accepts 32 random bytes as base64, base64url or hex", () => {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    const b64 = btoa(String.fromCharCode(...bytes));
    const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
    for (const text of [b64, b64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""), hex]) {
      expect(strongKeyBytes(text)).toEqual(bytes);
    }
  });

  it("tags ciphertexts with the key id, never repeats one, and fails closed", async () => {
    const keys = await personalDataKeys({ MEMBER_DATA_KEY: OLD });
    const a = await encryptField(keys, "11010519491231002X");
    const b = await encryptField(keys, "11010519491231002X");
    expect(a).not.toBe(b);
    expect(a.startsWith("v2:k1:")).toBe(true);
    expect(await decryptField(keys, a)).toBe("11010519491231002X");
    const other = await personalDataKeys({ MEMBER_DATA_KEY: NEW });
    await expect(decryptField(other, a)).rejects.toThrow();
    const flipped = `${a.slice(0, -4)}${a.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    await expect(decryptField(keys, flipped)).rejects.toThrow();
  });

  it("rotates: the newest key seals, every key in the ring opens, v1 included", async () => {
    const before = await personalDataKeys({ MEMBER_DATA_KEY: OLD });
    const sealedBefore = await encryptField(before, "13812345678");
    const legacy = await sealV1(OLD, "13900000000");
    const ring = await personalDataKeys({ MEMBER_DATA_KEYS: `k2:${NEW}, k1:${OLD}`, MEMBER_LOOKUP_KEY: OLD });
    const sealedAfter = await encryptField(ring, "13812345678");
    expect(sealedWith(sealedAfter)).toBe("k2");
    expect(sealedWith(legacy)).toBeNull();
    expect(await decryptField(ring, sealedBefore)).toBe("13812345678");
    expect(await decryptField(ring, sealedAfter)).toBe("13812345678");
    expect(await decryptField(ring, legacy)).toBe("13900000000");
    // once k1 is retired, what it sealed no longer opens: re-seal before removing a key
    const retired = await personalDataKeys({ MEMBER_DATA_KEYS: `k2:${NEW}`, MEMBER_LOOKUP_KEY: OLD });
    await expect(decryptField(retired, sealedBefore)).rejects.toThrow();
    expect(await decryptField(retired, sealedAfter)).toBe("13812345678");
  });

  it("keeps lookup hashes under their own key: valid across a rotation, unchanged from before key ids", async () => {
    const single = await personalDataKeys({ MEMBER_DATA_KEY: OLD });
    // the hash as it was always made: HMAC-SHA256 under SHA-256("lookup:" + the key's text)
    const legacyKey = await crypto.subtle.importKey(
      "raw",
      await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`lookup:${OLD}`)),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    const legacy = btoa(
      String.fromCharCode(
        ...new Uint8Array(await crypto.subtle.sign("HMAC", legacyKey, new TextEncoder().encode("x"))),
      ),
    );
    expect(await lookupHash(single, "x")).toBe(legacy);
    const rotated = await personalDataKeys({
      MEMBER_DATA_KEYS: `k2:${NEW} k1:${OLD}`,
      MEMBER_LOOKUP_KEY: OLD,
    });
    expect(await lookupHash(rotated, "x")).toBe(legacy);
    const separate = await personalDataKeys({ MEMBER_DATA_KEY: OLD, MEMBER_LOOKUP_KEY: LOOKUP });
    expect(await lookupHash(separate, "x")).not.toBe(legacy);
  });
});
