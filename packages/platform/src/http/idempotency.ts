import type { IdempotencyClaim } from "@vanguard/db";
import type { Context } from "hono";
import type { AppEnv, PlatformBindings } from "../env";
import { invalid } from "../errors/problem";

const KEY = /^[\x21-\x7e]{1,255}$/;
const encoder = new TextEncoder();
const fingerprintKeys = new Map<string, Promise<CryptoKey>>();

/**
 * The HMAC key for request fingerprints, derived (HKDF) from the secret every worker holds. Keyed,
 * so a copy of the database cannot confirm a guess of what a request said (an ID number, a phone).
 */
function fingerprintKey(secret: string): Promise<CryptoKey> {
  let key = fingerprintKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), "HKDF", false, ["deriveKey"]).then((base) =>
      crypto.subtle.deriveKey(
        {
          name: "HKDF",
          hash: "SHA-256",
          salt: encoder.encode("vanguard"),
          info: encoder.encode("idempotency-fingerprint"),
        },
        base,
        { name: "HMAC", hash: "SHA-256", length: 256 },
        false,
        ["sign"],
      ),
    );
    fingerprintKeys.set(secret, key);
  }
  return key;
}

export async function requestFingerprint(secret: string, method: string, path: string, body: string) {
  const mac = await crypto.subtle.sign(
    "HMAC",
    await fingerprintKey(secret),
    encoder.encode(`${method} ${path}\n${body}`),
  );
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The `Idempotency-Key` of a POST as a claim the write path stores with its result. The
 * fingerprint covers method, path and body, so reusing a key for a different request is refused
 * rather than silently answered with the old result. The body itself is never stored.
 */
export async function idempotencyClaim<B extends PlatformBindings>(
  c: Context<AppEnv<B>>,
): Promise<IdempotencyClaim | undefined> {
  if (c.req.method !== "POST") return undefined;
  const key = c.req.header("idempotency-key");
  if (key === undefined) return undefined;
  if (!KEY.test(key)) {
    throw invalid("Idempotency-Key", {
      zh: "Idempotency-Key 须为 1 至 255 个可见 ASCII 字符",
      en: "Idempotency-Key must be 1 to 255 visible ASCII characters",
    });
  }
  const body = await c.req.text();
  return {
    principalId: c.get("principal").id,
    key,
    fingerprint: await requestFingerprint(c.env.INTERNAL_SECRET, c.req.method, c.req.path, body),
  };
}
