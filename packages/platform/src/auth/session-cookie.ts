import type { Context } from "hono";
import { getCookie } from "hono/cookie";

/** The cookie a signed-in browser carries: a random 256-bit session id behind a recognisable prefix. */
export const SESSION_COOKIE = "vg_session";
const SESSION_ID = /^vgs_[A-Za-z0-9_-]{43}$/;

function base64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function newSessionId(): string {
  return `vgs_${base64url(crypto.getRandomValues(new Uint8Array(32)))}`;
}

/** The session id a request carries, if it has the shape of one (anything else is no session). */
export function readSessionId(c: Context): string | undefined {
  const raw = getCookie(c, SESSION_COOKIE);
  return raw && SESSION_ID.test(raw) ? raw : undefined;
}

/** Plain http on the loopback address is the only place a cookie may go without `Secure`. */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

function attributes(url: string, maxAge: number): string {
  const secure = isLoopbackHttp(new URL(url)) ? "" : "; Secure";
  return `; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
}

export function sessionCookie(url: string, sessionId: string, maxAge: number): string {
  return `${SESSION_COOKIE}=${sessionId}${attributes(url, maxAge)}`;
}

export function clearedSessionCookie(url: string): string {
  return `${SESSION_COOKIE}=${attributes(url, 0)}`;
}

/**
 * Whether a cookie-authenticated unsafe request came from a page of this site: its `Origin` must
 * be the origin that served it (or one the deployment trusts, such as a console dev server).
 */
export function sameOrigin(c: Context, trusted: string | undefined): boolean {
  const origin = c.req.header("origin");
  if (!origin) return false;
  if (origin === new URL(c.req.url).origin) return true;
  return (trusted ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .includes(origin);
}
