import { sha256Hex } from "@vanguard/db";

const KEY_PREFIX = "vgk_";

function base64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** 256 random bits behind a recognisable prefix (so secret scanners can spot a leaked key). */
export function generateKey(): string {
  return `${KEY_PREFIX}${base64url(crypto.getRandomValues(new Uint8Array(32)))}`;
}

export function hashKey(key: string): Promise<string> {
  return sha256Hex(key);
}

/** What a list may show of a key: enough to recognise it, useless to an attacker. */
export function keyPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + 6);
}

export function timingSafeEqualHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
