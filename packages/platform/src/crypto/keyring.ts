/**
 * The keys that protect personal data, read from the worker's secrets:
 *
 * - `MEMBER_DATA_KEYS`: `id:key` entries separated by spaces or commas. The first encrypts; every
 *   one decrypts (so a rotation keeps old ciphertexts readable until they are re-sealed). The first
 *   must be a strong key; older ones may be anything they once were.
 * - `MEMBER_DATA_KEY`: the single-key form, the same as `MEMBER_DATA_KEYS="k1:<key>"`.
 * - `MEMBER_LOOKUP_KEY`: the key of the lookup hashes (duplicate ID numbers, the person registry).
 *   It never rotates with the encryption keys: every stored hash depends on it. Without it, the
 *   single-key form's `MEMBER_DATA_KEY` is the lookup key, as it always was, so existing hashes
 *   stay valid; with `MEMBER_DATA_KEYS` it is required.
 *
 * A strong key is 32 random bytes, as 64 hex digits or base64 (`openssl rand -base64 32`). A key
 * that decodes to printable text carries at most 6.6 bits a byte (under 32 bytes of entropy) and is
 * refused, as is a missing, empty or shorter one: a worker without a usable key answers 500 to
 * every request rather than sealing data under a guessable key.
 */
export interface PersonalDataEnv {
  MEMBER_DATA_KEY?: string;
  MEMBER_DATA_KEYS?: string;
  MEMBER_LOOKUP_KEY?: string;
}

export interface Keyring {
  /** the key id new ciphertexts are tagged with */
  currentId: string;
  current: CryptoKey;
  byId: ReadonlyMap<string, CryptoKey>;
  lookup: CryptoKey;
}

export class KeyConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyConfigError";
  }
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

function decodeBase64(text: string): Uint8Array | null {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return null;
  try {
    return Uint8Array.from(atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, "=")), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** 32 random bytes, or the reason the text is not. */
export function strongKeyBytes(text: string): Uint8Array | string {
  const t = text.trim();
  if (!t) return "is empty";
  const bytes = /^[0-9a-fA-F]{64}$/.test(t)
    ? Uint8Array.from(t.match(/../g)!, (h) => Number.parseInt(h, 16))
    : decodeBase64(t);
  if (!bytes) return "is neither 64 hex digits nor base64";
  if (bytes.length !== 32) return `decodes to ${bytes.length} bytes, not 32`;
  if (bytes.every((b) => b >= 0x20 && b <= 0x7e))
    return "is printable text, not random bytes (under 32 bytes of entropy)";
  if (new Set(bytes).size < 16) return "repeats too few byte values to be random";
  return bytes;
}

/** How keys were made before key ids: base64 of 32 bytes as is, any other text through SHA-256. */
async function legacyKeyBytes(text: string): Promise<Uint8Array> {
  const decoded = decodeBase64(text);
  if (decoded && decoded.length === 32) return decoded;
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

const aes = (bytes: Uint8Array) =>
  crypto.subtle.importKey("raw", bytes as Uint8Array<ArrayBuffer>, "AES-GCM", false, ["encrypt", "decrypt"]);

/** The lookup key's derivation is the one hashes were always made with, so they stay comparable. */
async function lookupKey(text: string): Promise<CryptoKey> {
  const bytes = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`lookup:${text}`));
  return crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

function entries(env: PersonalDataEnv): { id: string; secret: string }[] {
  const list = env.MEMBER_DATA_KEYS?.trim();
  if (list) {
    return list.split(/[\s,]+/).map((entry) => {
      const at = entry.indexOf(":");
      const id = at > 0 ? entry.slice(0, at) : "";
      if (!KEY_ID.test(id))
        throw new KeyConfigError(`MEMBER_DATA_KEYS: "${entry.slice(0, 6)}…" is not id:key`);
      return { id, secret: entry.slice(at + 1) };
    });
  }
  if (env.MEMBER_DATA_KEY?.trim()) return [{ id: "k1", secret: env.MEMBER_DATA_KEY.trim() }];
  throw new KeyConfigError("MEMBER_DATA_KEY (or MEMBER_DATA_KEYS) is not set");
}

async function build(env: PersonalDataEnv): Promise<Keyring> {
  const list = entries(env);
  const ids = new Set<string>();
  const byId = new Map<string, CryptoKey>();
  for (const [i, { id, secret }] of list.entries()) {
    if (ids.has(id)) throw new KeyConfigError(`MEMBER_DATA_KEYS: key id ${id} appears twice`);
    ids.add(id);
    if (i === 0) {
      const strong = strongKeyBytes(secret);
      const name = env.MEMBER_DATA_KEYS?.trim()
        ? `MEMBER_DATA_KEYS (${id}, the current key)`
        : "MEMBER_DATA_KEY";
      if (typeof strong === "string") throw new KeyConfigError(`${name} ${strong}`);
      byId.set(id, await aes(strong));
    } else {
      if (!secret) throw new KeyConfigError(`MEMBER_DATA_KEYS: key ${id} is empty`);
      byId.set(id, await aes(await legacyKeyBytes(secret)));
    }
  }
  const lookupText = env.MEMBER_LOOKUP_KEY?.trim() || (env.MEMBER_DATA_KEYS?.trim() ? "" : list[0]!.secret);
  if (!lookupText) {
    throw new KeyConfigError(
      "MEMBER_LOOKUP_KEY is required with MEMBER_DATA_KEYS (lookup hashes must not rotate)",
    );
  }
  if (env.MEMBER_LOOKUP_KEY?.trim()) {
    const strong = strongKeyBytes(lookupText);
    if (typeof strong === "string") throw new KeyConfigError(`MEMBER_LOOKUP_KEY ${strong}`);
  }
  const currentId = list[0]!.id;
  return { currentId, current: byId.get(currentId)!, byId, lookup: await lookupKey(lookupText) };
}

const built = new Map<string, Promise<Keyring>>();

/** The worker's keyring, built once per isolate for a given set of secrets. Throws KeyConfigError. */
export function personalDataKeys(env: PersonalDataEnv): Promise<Keyring> {
  const id = JSON.stringify([
    env.MEMBER_DATA_KEYS ?? "",
    env.MEMBER_DATA_KEY ?? "",
    env.MEMBER_LOOKUP_KEY ?? "",
  ]);
  let ring = built.get(id);
  if (!ring) {
    ring = build(env);
    built.set(id, ring);
  }
  return ring;
}
