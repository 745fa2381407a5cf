import {
  directoryWrite,
  endAccountSessions,
  endSession,
  expectChanged,
  getAccount,
  getAccountByLogin,
  insertSession,
  sha256Hex,
  updateAccount,
} from "@vanguard/db";
import { checkPassword, normalizeLogin, sessionMaxAge } from "@vanguard/domain";
import {
  type AppRouteHandler,
  actorOf,
  clearedSessionCookie,
  forbidden,
  forgetSessions,
  hashPassword,
  lookupBranch,
  lookupDistrict,
  newSessionId,
  ProblemError,
  ruleViolation,
  sessionCookie,
  verifyPassword,
} from "@vanguard/platform";
import { versionNow } from "../accounts/account-version";
import { accountView } from "../accounts/accounts.view";
import type { ApiBindings } from "../env";
import type { ChangePasswordRoute, LoginRoute, LogoutRoute, MeRoute } from "./auth.routes";
import { chainOf, recordFailure, refuseIfLocked, signInActor } from "./sign-in";

const invalidCredentials = () => new ProblemError("invalid_credentials");

export const login: AppRouteHandler<LoginRoute, ApiBindings> = async (c) => {
  const body = c.req.valid("json");
  const typed = normalizeLogin(body.login);
  const plane = c.get("plane");
  const holder = await getAccountByLogin(plane, typed);
  refuseIfLocked(holder);
  const live = holder && !holder.account.disabledAt ? holder : undefined;
  // an unknown login is checked against a dummy hash: the same work, the same answer
  const verdict = await verifyPassword(body.password, live ? live.account.passwordHash : null);
  if (!live || !verdict.ok) {
    await recordFailure(c, holder, typed, "login");
    throw invalidCredentials();
  }
  const sessionId = newSessionId();
  const idHash = await sha256Hex(sessionId);
  const now = new Date();
  const at = now.toISOString();
  const upgraded = verdict.upgrade ? await hashPassword(body.password) : undefined;
  const chain = chainOf(live);
  const signedIn = await directoryWrite(plane, { actor: signInActor(c, live) }, chain, async () => {
    const fresh = (await getAccount(plane, live.account.id)) ?? live;
    const account = {
      ...fresh.account,
      failures: 0,
      failureWindowAt: null,
      lockedUntil: null,
      lastLoginAt: at,
    };
    return {
      statements: [
        insertSession(plane, { idHash, accountId: live.account.id, createdAt: at, seenAt: at }),
        updateAccount(plane, live.account.id, fresh.account.version, {
          failures: 0,
          failureWindowAt: null,
          lockedUntil: null,
          lastLoginAt: at,
          ...(upgraded ? { passwordHash: upgraded } : {}),
        }),
        expectChanged(plane.directory.d1),
      ],
      events: [
        {
          scopeId: chain,
          districtId: chain,
          action: "auth.login",
          subjectType: "account",
          subjectId: live.account.id,
          after: { at, mustChangePassword: account.mustChangePassword, hashUpgraded: !!upgraded },
        },
      ],
      result: {
        account: accountView(account, fresh.principal, now),
        mustChangePassword: account.mustChangePassword,
      },
    };
  });
  c.header("Set-Cookie", sessionCookie(c.req.url, sessionId, sessionMaxAge({ createdAt: at }, now)));
  c.header("Cache-Control", "no-store");
  return c.json(signedIn, 200);
};

export const me: AppRouteHandler<MeRoute, ApiBindings> = async (c) => {
  const p = c.get("principal");
  const session = c.get("session");
  const [district, branch] = await Promise.all([
    p.districtId ? lookupDistrict(c, p.districtId) : undefined,
    p.branchId ? lookupBranch(c, p.branchId) : undefined,
  ]);
  return c.json(
    {
      account: session
        ? { id: session.accountId, login: session.login, displayName: session.displayName }
        : null,
      role: p.role,
      scope: {
        districtId: p.districtId,
        branchId: p.branchId,
        memberId: p.memberId,
        auditDistricts: p.auditDistricts,
      },
      district: district ? { id: district.id, name: district.name } : null,
      branch: branch ? { id: branch.id, name: branch.name } : null,
      mustChangePassword: session?.mustChangePassword ?? false,
    },
    200,
  );
};

const SESSION_ONLY = {
  zh: "此操作需要以账号登录（API 密钥不适用）",
  en: "Only a signed-in person can do this (not an API key)",
};

export const changePassword: AppRouteHandler<ChangePasswordRoute, ApiBindings> = async (c) => {
  const session = c.get("session");
  if (!session) throw forbidden(SESSION_ONLY);
  const { currentPassword, newPassword } = c.req.valid("json");
  const plane = c.get("plane");
  const holder = await getAccount(plane, session.accountId);
  if (!holder || holder.account.disabledAt) throw new ProblemError("unauthorized");
  refuseIfLocked(holder);
  const verdict = await verifyPassword(currentPassword, holder.account.passwordHash);
  if (!verdict.ok) {
    await recordFailure(c, holder, holder.account.login, "password_change");
    throw ruleViolation([
      {
        rule: "current_password_wrong",
        message: { zh: "当前密码不正确", en: "The current password is wrong" },
        facts: {},
        severity: "block",
      },
    ]);
  }
  const refused = checkPassword(newPassword, { login: holder.account.login, current: currentPassword });
  if (refused.length) throw ruleViolation(refused);
  const passwordHash = await hashPassword(newPassword);
  const now = new Date();
  const at = now.toISOString();
  const chain = chainOf(holder);
  const account = {
    ...holder.account,
    mustChangePassword: false,
    passwordChangedAt: at,
    failures: 0,
    failureWindowAt: null,
    lockedUntil: null,
  };
  await directoryWrite(plane, { actor: actorOf(c) }, chain, async () => ({
    statements: [
      updateAccount(plane, holder.account.id, await versionNow(plane, holder), {
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: at,
        failures: 0,
        failureWindowAt: null,
        lockedUntil: null,
      }),
      expectChanged(plane.directory.d1),
      // whoever else holds a session of this account (a stolen cookie, a forgotten browser) is out
      endAccountSessions(plane, holder.account.id, at, "password_changed", session.idHash),
    ],
    events: [
      {
        scopeId: chain,
        districtId: chain,
        action: "auth.password_changed",
        subjectType: "account",
        subjectId: holder.account.id,
        after: { at, wasOneTime: holder.account.mustChangePassword },
      },
    ],
    result: null,
  }));
  // this isolate reads every session of the account afresh, this one included (no longer one-time)
  forgetSessions(holder.account.id);
  return c.json({ account: accountView(account, holder.principal, now), mustChangePassword: false }, 200);
};

export const logout: AppRouteHandler<LogoutRoute, ApiBindings> = async (c) => {
  const session = c.get("session");
  if (!session) throw forbidden(SESSION_ONLY);
  const plane = c.get("plane");
  const at = new Date().toISOString();
  const chain = session.principal.districtId ?? "platform";
  await directoryWrite(plane, { actor: actorOf(c) }, chain, async () => ({
    statements: [endSession(plane, session.idHash, at, "logout")],
    events: [
      {
        scopeId: chain,
        districtId: chain,
        action: "auth.logout",
        subjectType: "account",
        subjectId: session.accountId,
        after: { at },
      },
    ],
    result: null,
  }));
  forgetSessions(session.accountId);
  c.header("Set-Cookie", clearedSessionCookie(c.req.url));
  return c.body(null, 204);
};
