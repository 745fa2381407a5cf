/**
 * Field encryption for personal data (ID numbers, phones): AES-256-GCM with a random 96-bit IV per
 * value, key from a secret. Ciphertexts carry a version tag so the key can be rotated later.
 */
const VERSION = "v1";

const aesKeys = new Map<string, Promise<CryptoKey>>();
const hmacKeys = new Map<string, Promise<CryptoKey>>();

function decodeSecret(secret: string): Uint8Array<ArrayBuffer> {
  // a base64 secret of 32 bytes is used as is; any other text is stretched with SHA-256 below
  try {
    const raw = atob(secret);
    if (raw.length === 32) return Uint8Array.from(raw, (ch) => ch.charCodeAt(0)) as Uint8Array<ArrayBuffer>;
  } catch {
    // not base64
  }
  return new TextEncoder().encode(secret) as Uint8Array<ArrayBuffer>;
}

async function keyBytes(secret: string): Promise<ArrayBuffer> {
  const bytes = decodeSecret(secret);
  return bytes.length === 32 ? bytes.buffer : crypto.subtle.digest("SHA-256", bytes);
}

function aesKey(secret: string): Promise<CryptoKey> {
  let k = aesKeys.get(secret);
  if (!k) {
    k = keyBytes(secret).then((b) =>
      crypto.subtle.importKey("raw", b, "AES-GCM", false, ["encrypt", "decrypt"]),
    );
    aesKeys.set(secret, k);
  }
  return k;
}

function hmacKey(secret: string): Promise<CryptoKey> {
  let k = hmacKeys.get(secret);
  if (!k) {
    k = keyBytes(`lookup:${secret}`).then((b) =>
      crypto.subtle.importKey("raw", b, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]),
    );
    hmacKeys.set(secret, k);
  }
  return k;
}

function toB64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export async function encryptField(secret: string, plaintext: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: "AES-GCM", iv },
      await aesKey(secret),
      new TextEncoder().encode(plaintext),
    ),
  );
  const out = new Uint8Array(iv.length + ct.length);
  out.set(iv);
  out.set(ct, iv.length);
  return `${VERSION}:${toB64(out)}`;
}

export async function decryptField(secret: string, stored: string): Promise<string> {
  const [version, data] = stored.split(":");
  if (version !== VERSION || !data) throw new Error("unknown ciphertext version");
  const bytes = Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0));
  const pt = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: bytes.slice(0, 12) },
    await aesKey(secret),
    bytes.slice(12),
  );
  return new TextDecoder().decode(pt);
}

/** A keyed hash for equality lookups (duplicate ID numbers) without decrypting anything. */
export async function lookupHash(secret: string, value: string): Promise<string> {
  const sig = await crypto.subtle.sign("HMAC", await hmacKey(secret), new TextEncoder().encode(value));
  return toB64(new Uint8Array(sig));
}
