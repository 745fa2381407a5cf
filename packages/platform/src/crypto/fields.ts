import type { Keyring } from "./keyring";

/**
 * Field encryption for personal data (ID numbers, phones) and webhook secrets: AES-256-GCM with a
 * random 96-bit IV per value. A ciphertext names the key that sealed it (`v2:<key id>:<base64>`),
 * so keys can be rotated: the current key seals, every key of the ring opens. `v1:` ciphertexts
 * (sealed before key ids) are opened with whichever key of the ring fits; GCM refuses the others.
 */
const encoder = new TextEncoder();

function toB64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export async function encryptField(keys: Keyring, plaintext: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: "AES-GCM", iv }, keys.current, encoder.encode(plaintext)),
  );
  const out = new Uint8Array(iv.length + ct.length);
  out.set(iv);
  out.set(ct, iv.length);
  return `v2:${keys.currentId}:${toB64(out)}`;
}

/** The id of the key a ciphertext was sealed with (null for `v1:`, which predates key ids). */
export function sealedWith(stored: string): string | null {
  const m = /^v2:([^:]+):/.exec(stored);
  return m ? m[1]! : null;
}

async function open(key: CryptoKey, data: string): Promise<string> {
  const bytes = Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0));
  const pt = await crypto.subtle.decrypt({ name: "AES-GCM", iv: bytes.slice(0, 12) }, key, bytes.slice(12));
  return new TextDecoder().decode(pt);
}

export async function decryptField(keys: Keyring, stored: string): Promise<string> {
  const parts = stored.split(":");
  if (parts[0] === "v2" && parts.length === 3) {
    const key = keys.byId.get(parts[1]!);
    if (!key) throw new Error(`no key ${parts[1]} in the ring`);
    return open(key, parts[2]!);
  }
  if (parts[0] === "v1" && parts.length === 2) {
    for (const key of [keys.current, ...keys.byId.values()]) {
      try {
        return await open(key, parts[1]!);
      } catch {
        // not this key
      }
    }
    throw new Error("no key in the ring opens this v1 ciphertext");
  }
  throw new Error("unknown ciphertext version");
}

/** A keyed hash for equality lookups (duplicate ID numbers) without decrypting anything. */
export async function lookupHash(keys: Keyring, value: string): Promise<string> {
  return toB64(new Uint8Array(await crypto.subtle.sign("HMAC", keys.lookup, encoder.encode(value))));
}
