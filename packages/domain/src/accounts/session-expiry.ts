/**
 * A session ends after 12 hours without use or 7 days after sign-in, whichever comes first. The
 * idle clock is refreshed at most every 5 minutes (a write per request would cost more than the
 * read it serves), so a session may end up to 5 minutes early, never late.
 */
export const SESSION = {
  idleMs: 12 * 3600_000,
  absoluteMs: 7 * 24 * 3600_000,
  touchEveryMs: 5 * 60_000,
} as const;

export type SessionState = "live" | "idle" | "expired";

export function sessionState(s: { createdAt: string; seenAt: string }, now: Date): SessionState {
  const t = now.getTime();
  if (t - Date.parse(s.createdAt) >= SESSION.absoluteMs) return "expired";
  if (t - Date.parse(s.seenAt) >= SESSION.idleMs) return "idle";
  return "live";
}

/** Whether this request should move the idle clock forward. */
export function needsTouch(s: { seenAt: string }, now: Date): boolean {
  return now.getTime() - Date.parse(s.seenAt) >= SESSION.touchEveryMs;
}

/** Seconds a browser should keep the cookie: until the absolute end. */
export function sessionMaxAge(s: { createdAt: string }, now: Date): number {
  return Math.max(0, Math.floor((Date.parse(s.createdAt) + SESSION.absoluteMs - now.getTime()) / 1000));
}
