/**
 * Sign-in lockout: 5 failed attempts within 15 minutes lock the account for 15 minutes, during
 * which even the right password is refused. The window starts at the first failure after the
 * previous window ran out; a successful sign-in clears it.
 */
export const LOCKOUT = { failures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 } as const;

export interface LockState {
  failures: number;
  /** ISO time the current window of failures began */
  windowAt: string | null;
  /** ISO time the lock ends */
  lockedUntil: string | null;
}

/** Seconds until the lock ends (at least 1), or null when the account is not locked at `now`. */
export function lockedFor(state: LockState, now: Date): number | null {
  if (!state.lockedUntil) return null;
  const ms = Date.parse(state.lockedUntil) - now.getTime();
  return ms > 0 ? Math.max(1, Math.ceil(ms / 1000)) : null;
}

/** The state after one more failure at `now`, and whether that failure started a lock. */
export function afterFailure(state: LockState, now: Date): LockState & { locked: boolean } {
  const t = now.getTime();
  const windowOpen = state.windowAt !== null && t - Date.parse(state.windowAt) < LOCKOUT.windowMs;
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowAt = windowOpen ? state.windowAt : now.toISOString();
  if (failures >= LOCKOUT.failures) {
    // the lock spends the window: after it, counting starts afresh
    return {
      failures: 0,
      windowAt: null,
      lockedUntil: new Date(t + LOCKOUT.lockMs).toISOString(),
      locked: true,
    };
  }
  return { failures, windowAt, lockedUntil: state.lockedUntil, locked: false };
}

export const CLEARED: LockState = { failures: 0, windowAt: null, lockedUntil: null };
