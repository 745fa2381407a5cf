import type { District, KeyHolder, ResolvedBranch, SessionHolder } from "@vanguard/db";

/**
 * A short per-isolate memory of what the directory said about a key and a branch, so a client's
 * run of requests costs the directory one round trip per TTL instead of one per request (the
 * round trip is most of a small request's cost). What it trades: a key revoked through another
 * isolate keeps working there for at most the TTL; this isolate forgets it at once. Entries are
 * kept under a size bound, oldest out.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(private readonly limit = 5000) {}

  get(key: string, now: number): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.until <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, value: V, until: number): void {
    // oldest first out: a Map iterates in insertion order
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    this.entries.delete(key);
    this.entries.set(key, { value, until });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  deleteWhere(test: (value: V, key: string) => boolean): void {
    for (const [k, e] of this.entries) if (test(e.value, k)) this.entries.delete(k);
  }

  get size(): number {
    return this.entries.size;
  }
}

export const DEFAULT_AUTH_CACHE_SECONDS = 10;

/** keyed by the key's SHA-256, never by the key */
export const keyCache = new TtlCache<KeyHolder>();
export const branchCache = new TtlCache<ResolvedBranch>();
/** keyed by the SHA-256 of the session id, like keys */
export const sessionCache = new TtlCache<SessionHolder>();
/**
 * Credentials the directory did not know (keys and session ids, by hash), remembered briefly so a
 * flood of bad ones costs the directory one lookup each per few seconds. A credential is random
 * and unguessable, so none is presented before it exists: a miss cannot hide one about to be made.
 */
export const unknownCredentials = new TtlCache<true>(10_000);
export const NEGATIVE_CACHE_MS = 5_000;
/** districts never change once created (shard, time zone): only their existence is remembered */
export const districtCache = new TtlCache<District>();

/** A revoked key stops working in this isolate at once. */
export function forgetKey(keyId: string): void {
  keyCache.deleteWhere((h) => h.keyId === keyId);
}

/** Sessions ended in this isolate (sign-out, a password change, a disabled account) stop at once. */
export function forgetSessions(accountId: string, keep?: string): void {
  sessionCache.deleteWhere((s, hash) => s.accountId === accountId && hash !== keep);
}

/** A changed branch is read afresh by this isolate's next request. */
export function forgetBranch(branchId: string): void {
  branchCache.delete(branchId);
}

/** AUTH_CACHE_SECONDS from the environment; "0" turns the cache off (the worker tests do). */
export function authCacheMs(setting: string | undefined): number {
  const s = setting === undefined || setting === "" ? DEFAULT_AUTH_CACHE_SECONDS : Number(setting);
  return Number.isFinite(s) && s > 0 ? s * 1000 : 0;
}
