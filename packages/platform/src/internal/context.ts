import type { TenantRef } from "@vanguard/db";
import type { Principal } from "../auth/principal";
import type { Lang } from "../errors/lang";

/**
 * What the api worker vouches for when it forwards a request to a module worker: who is calling
 * and the tenant it already resolved and scope-checked. Signed with INTERNAL_SECRET, short-lived,
 * and carried in a header the api worker strips from every client request.
 */
export interface InternalContext {
  principal: Principal;
  requestId: string;
  lang: Lang;
  tenant?: TenantRef;
  district?: { districtId: string; timeZone: string; shard: number };
  /** epoch seconds */
  exp: number;
}

export const CONTEXT_HEADER = "x-vanguard-context";
const TTL_SECONDS = 60;

const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let k = keys.get(secret);
  if (!k) {
    k = crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    keys.set(secret, k);
  }
  return k;
}

function b64url(bytes: ArrayBuffer | Uint8Array): string {
  let s = "";
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromB64url(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export async function signContext(
  secret: string,
  ctx: Omit<InternalContext, "exp">,
  now = Date.now(),
): Promise<string> {
  const payload = b64url(
    new TextEncoder().encode(JSON.stringify({ ...ctx, exp: Math.floor(now / 1000) + TTL_SECONDS })),
  );
  const sig = await crypto.subtle.sign("HMAC", await hmacKey(secret), new TextEncoder().encode(payload));
  return `${payload}.${b64url(sig)}`;
}

export async function verifyContext(
  secret: string,
  token: string | undefined,
  now = Date.now(),
): Promise<InternalContext | null> {
  if (!token || !secret) return null;
  const [payload, sig] = token.split(".");
  if (!payload || !sig) return null;
  try {
    const ok = await crypto.subtle.verify(
      "HMAC",
      await hmacKey(secret),
      fromB64url(sig),
      new TextEncoder().encode(payload),
    );
    if (!ok) return null;
    const ctx = JSON.parse(new TextDecoder().decode(fromB64url(payload))) as InternalContext;
    if (typeof ctx.exp !== "number" || ctx.exp < Math.floor(now / 1000)) return null;
    return ctx;
  } catch {
    return null;
  }
}
