import {
  type AccountHolder,
  type Actor,
  directoryWrite,
  type EventDraft,
  expectChanged,
  getAccount,
  sha256Hex,
  updateAccount,
} from "@vanguard/db";
import { afterFailure, type LockState, lockedFor } from "@vanguard/domain";
import { ProblemError } from "@vanguard/platform";
import type { Context } from "hono";
import type { ApiEnv } from "../env";

export const lockOf = (a: AccountHolder["account"]): LockState => ({
  failures: a.failures,
  windowAt: a.failureWindowAt,
  lockedUntil: a.lockedUntil,
});

export function accountLocked(retryAfter: number): ProblemError {
  return new ProblemError(
    "account_locked",
    {
      zh: `登录失败次数过多，账号已锁定，请 ${Math.ceil(retryAfter / 60)} 分钟后再试`,
      en: `Too many failed sign-ins; try again in ${Math.ceil(retryAfter / 60)} minutes`,
    },
    [],
    { "Retry-After": String(retryAfter) },
  );
}

/** The actor of a sign-in: the account when there is one, else nobody in particular. */
export function signInActor(c: Context<ApiEnv>, holder: AccountHolder | undefined): Actor {
  return holder
    ? { principalId: holder.principal.id, role: holder.principal.role, requestId: c.get("requestId") }
    : { principalId: "anonymous", role: "anonymous", requestId: c.get("requestId") };
}

export const chainOf = (h: AccountHolder) => h.principal.districtId ?? "platform";

/**
 * Records a failed password check: on a live account it counts toward the lockout (read afresh
 * inside the write, so racing failures all count) and the fifth opens the lock; an unknown or
 * disabled login is recorded on the platform's log by a hash of what was typed (a login field
 * sometimes receives a password).
 */
export async function recordFailure(
  c: Context<ApiEnv>,
  holder: AccountHolder | undefined,
  typedLogin: string,
  via: "login" | "password_change",
): Promise<{ locked: boolean }> {
  const plane = c.get("plane");
  const actor = signInActor(c, holder);
  if (!holder || holder.account.disabledAt) {
    const loginHash = (await sha256Hex(`login:${typedLogin}`)).slice(0, 16);
    const chain = holder ? chainOf(holder) : "platform";
    await directoryWrite(plane, { actor }, chain, async () => ({
      statements: [],
      events: [
        {
          scopeId: chain,
          districtId: chain,
          action: "auth.login_failed",
          subjectType: holder ? "account" : "login",
          subjectId: holder ? holder.account.id : `login:${loginHash}`,
          after: { reason: holder ? "account_disabled" : "unknown_login", via },
        },
      ],
      result: null,
    }));
    return { locked: false };
  }
  const chain = chainOf(holder);
  return directoryWrite(plane, { actor }, chain, async () => {
    const fresh = (await getAccount(plane, holder.account.id)) ?? holder;
    const now = new Date();
    const next = afterFailure(lockOf(fresh.account), now);
    const events: EventDraft[] = [
      {
        scopeId: chain,
        districtId: chain,
        action: "auth.login_failed",
        subjectType: "account",
        subjectId: holder.account.id,
        after: { reason: "wrong_password", via, failures: next.locked ? 5 : next.failures },
      },
    ];
    if (next.locked) {
      events.push({
        scopeId: chain,
        districtId: chain,
        action: "auth.locked",
        subjectType: "account",
        subjectId: holder.account.id,
        after: { lockedUntil: next.lockedUntil },
      });
    }
    return {
      statements: [
        updateAccount(plane, holder.account.id, fresh.account.version, {
          failures: next.failures,
          failureWindowAt: next.windowAt,
          lockedUntil: next.lockedUntil,
        }),
        expectChanged(plane.directory.d1),
      ],
      events,
      result: { locked: next.locked },
    };
  });
}

/** 429 while the account is locked, whatever the password. */
export function refuseIfLocked(holder: AccountHolder | undefined): void {
  if (!holder || holder.account.disabledAt) return;
  const wait = lockedFor(lockOf(holder.account), new Date());
  if (wait !== null) throw accountLocked(wait);
}
