import { timingSafeEqualHex } from "./keys";

/**
 * Password hashing: PBKDF2-HMAC-SHA-256 through WebCrypto, the slow KDF Workers run natively.
 * Cloudflare's runtime refuses more than 100,000 iterations (local workerd does not enforce it, so
 * the cap is ours to keep), and argon2id from a WASM library is out of reach: workerd refuses to
 * compile WebAssembly from bytes at run time. The algorithm and its parameters are stored in each
 * hash (`pbkdf2-sha256$<iterations>$<salt>$<hash>`), so the cost can be raised and a hash made
 * under lower parameters is upgraded at its holder's next sign-in. README, "Accounts and sign-in".
 */
export const PASSWORD_HASH = {
  algorithm: "pbkdf2-sha256",
  iterations: 100_000,
  saltBytes: 16,
  bits: 256,
} as const;

/** What a stored hash may ask of the runtime: a tampered row must not buy unbounded work. */
const MIN_ITERATIONS = 10_000;
const MAX_ITERATIONS = 100_000;

function b64(bytes: ArrayBuffer | Uint8Array): string {
  let s = "";
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s);
}

function unb64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function hex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function derive(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<ArrayBuffer> {
  // one password, one encoding: the same characters typed on any keyboard hash alike
  const material = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(password.normalize("NFC")),
    "PBKDF2",
    false,
    ["deriveBits"],
  );
  return crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    material,
    PASSWORD_HASH.bits,
  );
}

export async function hashPassword(
  password: string,
  iterations: number = PASSWORD_HASH.iterations,
): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(PASSWORD_HASH.saltBytes));
  const bits = await derive(password, salt, iterations);
  return `${PASSWORD_HASH.algorithm}$${iterations}$${b64(salt)}$${b64(bits)}`;
}

interface Parsed {
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  hash: Uint8Array<ArrayBuffer>;
}

function parse(stored: string): Parsed | null {
  const [algorithm, it, salt, hash] = stored.split("$");
  const iterations = Number(it);
  if (algorithm !== PASSWORD_HASH.algorithm || !salt || !hash) return null;
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS)
    return null;
  try {
    return { iterations, salt: unb64(salt), hash: unb64(hash) };
  } catch {
    return null;
  }
}

/**
 * A hash no password matches, at today's cost: an unknown login is checked against it, so it takes
 * as long as a wrong password for a real one.
 */
const DUMMY = `${PASSWORD_HASH.algorithm}$${PASSWORD_HASH.iterations}$AAAAAAAAAAAAAAAAAAAAAA==$${b64(new Uint8Array(32))}`;

export interface Verdict {
  ok: boolean;
  /** the hash was made under weaker parameters than today's: store a new one */
  upgrade: boolean;
}

/** Checks a password against a stored hash (or, with none, against the dummy: same work, never ok). */
export async function verifyPassword(password: string, stored: string | null): Promise<Verdict> {
  const parsed = parse(stored ?? DUMMY) ?? parse(DUMMY)!;
  const bits = await derive(password, parsed.salt, parsed.iterations);
  const ok = stored !== null && timingSafeEqualHex(hex(bits), hex(parsed.hash)) && parse(stored) !== null;
  return { ok, upgrade: ok && parsed.iterations < PASSWORD_HASH.iterations };
}

const ALPHABET = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";

/**
 * A one-time password a person can read aloud and type from paper: 3 groups of 4 from an alphabet
 * without look-alikes (0/O, 1/l/I), about 69 bits.
 */
export function oneTimePassword(): string {
  const out: string[] = [];
  const bytes = crypto.getRandomValues(new Uint8Array(12 * 4));
  let i = 0;
  while (out.length < 12) {
    const b = bytes[i++]!;
    // rejection sampling keeps every character equally likely
    if (b < 256 - (256 % ALPHABET.length)) out.push(ALPHABET[b % ALPHABET.length]!);
    if (i === bytes.length) {
      bytes.set(crypto.getRandomValues(new Uint8Array(bytes.length)));
      i = 0;
    }
  }
  return `${out.slice(0, 4).join("")}-${out.slice(4, 8).join("")}-${out.slice(8).join("")}`;
}
