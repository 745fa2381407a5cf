import {
  type AccountHolder,
  directoryWrite,
  endAccountSessions,
  expectChanged,
  getAccount,
  getCurrentMembers,
  insertAccount,
  insertPrincipal,
  listAccounts,
  newId,
  updateAccount,
} from "@vanguard/db";
import {
  failure,
  MANAGE_BRANCH,
  MANAGE_DISTRICT,
  normalizeLogin,
  READ_BRANCH,
  READ_DISTRICT,
  type Role,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  actorOf,
  branchScope,
  conflictAs,
  decodeCursor,
  districtScope,
  forbidden,
  forgetSessions,
  hashPassword,
  notFound,
  oneTimePassword,
  page,
  ruleViolation,
  sealPersonal,
  writeRequest,
} from "@vanguard/platform";
import type { Context } from "hono";
import type { ApiBindings, ApiEnv } from "../env";
import { versionNow } from "./account-version";
import { manageDecision } from "./accounts.access";
import type {
  CreateBranchAccountRoute,
  CreateDistrictAccountRoute,
  DisableAccountRoute,
  ListBranchAccountsRoute,
  ListDistrictAccountsRoute,
  ResetPasswordRoute,
} from "./accounts.routes";
import { accountView } from "./accounts.view";

interface NewAccount {
  login: string;
  displayName: string;
  role: Role;
  districtId: string;
  branchId: string | null;
  memberId: string | null;
  phone?: string;
}

const LOGIN_TAKEN = { zh: "该账号已被使用", en: "This login is taken" };

/** The account, its own principal (role and scope, as a key's) and a one-time password, in one write. */
async function create(c: Context<ApiEnv>, input: NewAccount) {
  const plane = c.get("plane");
  const now = new Date().toISOString();
  const password = oneTimePassword();
  const principal = {
    id: newId("principal"),
    role: input.role,
    districtId: input.districtId,
    branchId: input.branchId,
    memberId: input.memberId,
    auditDistricts: input.role === "auditor" ? JSON.stringify([input.districtId]) : null,
    label: input.displayName,
    createdAt: now,
    createdBy: c.get("principal").id,
  };
  const sealed = input.phone ? await sealPersonal(c.env, { phone: input.phone }) : {};
  const account = {
    id: newId("account"),
    principalId: principal.id,
    login: normalizeLogin(input.login),
    displayName: input.displayName,
    phoneEnc: sealed.phoneEnc ?? null,
    phoneMasked: sealed.phoneMasked ?? null,
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
    failures: 0,
    failureWindowAt: null,
    lockedUntil: null,
    lastLoginAt: null,
    passwordChangedAt: null,
    disabledAt: null,
    disabledBy: null,
    createdAt: now,
    createdBy: c.get("principal").id,
    version: 1,
  };
  const view = accountView(account, principal);
  return directoryWrite(plane, await writeRequest(c, 201), input.districtId, async () => ({
    statements: [insertPrincipal(plane, principal), insertAccount(plane, account)],
    events: [
      {
        scopeId: input.districtId,
        districtId: input.districtId,
        action: "account.created",
        subjectType: "account",
        subjectId: account.id,
        after: view,
      },
    ],
    result: { id: account.id, login: account.login, initialPassword: password, account: view },
    replay: { id: account.id, login: account.login, initialPassword: null, account: view },
  })).catch(conflictAs(LOGIN_TAKEN));
}

export const createDistrictAccount: AppRouteHandler<CreateDistrictAccountRoute, ApiBindings> = async (c) => {
  const { districtId } = c.req.valid("param");
  const body = c.req.valid("json");
  await districtScope(c, districtId, MANAGE_DISTRICT);
  const created = await create(c, { ...body, districtId, branchId: null, memberId: null });
  return c.json(created, 201);
};

export const createBranchAccount: AppRouteHandler<CreateBranchAccountRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { login, displayName, role, memberId } = c.req.valid("json");
  const { branch, tc } = await branchScope(c, branchId, MANAGE_BRANCH);
  if (role === "member") {
    const [member] = memberId ? await getCurrentMembers(tc, [memberId]) : [];
    if (!member) {
      throw ruleViolation([
        failure(
          "member_account_names_member",
          {
            zh: "党员账号须对应本支部的在册党员",
            en: "A member account must name a current member of this branch",
          },
          { memberId: memberId ?? null },
        ),
      ]);
    }
  }
  const created = await create(c, {
    login,
    displayName,
    role,
    districtId: branch.districtId,
    branchId,
    memberId: role === "member" ? (memberId ?? null) : null,
  });
  return c.json(created, 201);
};

function listPage(rows: AccountHolder[], limit: number) {
  const now = new Date();
  return page(
    rows,
    limit,
    (r) => r.account.id,
    (r) => accountView(r.account, r.principal, now),
  );
}

export const listDistrictAccounts: AppRouteHandler<ListDistrictAccountsRoute, ApiBindings> = async (c) => {
  const { districtId } = c.req.valid("param");
  const { limit, cursor } = c.req.valid("query");
  await districtScope(c, districtId, READ_DISTRICT);
  const rows = await listAccounts(
    c.get("plane"),
    { districtId },
    { limit: limit + 1, after: decodeCursor(cursor) },
  );
  return c.json(listPage(rows, limit), 200);
};

export const listBranchAccounts: AppRouteHandler<ListBranchAccountsRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor } = c.req.valid("query");
  await branchScope(c, branchId, READ_BRANCH);
  const rows = await listAccounts(
    c.get("plane"),
    { branchId },
    { limit: limit + 1, after: decodeCursor(cursor) },
  );
  return c.json(listPage(rows, limit), 200);
};

/** The account the path names, if the caller may manage it (404 outside scope, 403 without the role). */
async function managed(
  c: Context<ApiEnv>,
  accountId: string,
  self: "allow" | "refuse",
): Promise<AccountHolder> {
  const p = c.get("principal");
  const holder = await getAccount(c.get("plane"), accountId);
  if (!holder) throw notFound();
  if (holder.principal.id === p.id) {
    if (self === "allow") return holder;
    throw forbidden({
      zh: "请通过“修改密码”更改自己的密码",
      en: "Change your own password with /v1/auth/password",
    });
  }
  const decision = await manageDecision(c, p, holder);
  if (decision === 404) throw notFound();
  if (decision === 403) throw forbidden();
  return holder;
}

const chainOf = (h: AccountHolder) => h.principal.districtId ?? "platform";

export const disableAccount: AppRouteHandler<DisableAccountRoute, ApiBindings> = async (c) => {
  const { accountId } = c.req.valid("param");
  // like a key, an account may be given up by its holder
  const holder = await managed(c, accountId, "allow");
  if (!holder.account.disabledAt) {
    const plane = c.get("plane");
    const now = new Date().toISOString();
    const by = c.get("principal").id;
    const chain = chainOf(holder);
    await directoryWrite(plane, { actor: actorOf(c) }, chain, async () => ({
      statements: [
        updateAccount(plane, accountId, await versionNow(plane, holder), { disabledAt: now, disabledBy: by }),
        expectChanged(plane.directory.d1),
        endAccountSessions(plane, accountId, now, "account_disabled"),
      ],
      events: [
        {
          scopeId: chain,
          districtId: chain,
          action: "account.disabled",
          subjectType: "account",
          subjectId: accountId,
          after: { disabledAt: now, disabledBy: by },
        },
      ],
      result: null,
    }));
  }
  forgetSessions(accountId);
  return c.body(null, 204);
};

export const resetPassword: AppRouteHandler<ResetPasswordRoute, ApiBindings> = async (c) => {
  const { accountId } = c.req.valid("param");
  const holder = await managed(c, accountId, "refuse");
  if (holder.account.disabledAt) {
    throw ruleViolation([
      failure("account_disabled", { zh: "账号已停用", en: "The account is disabled" }, { accountId }),
    ]);
  }
  const plane = c.get("plane");
  const now = new Date().toISOString();
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const chain = chainOf(holder);
  const view = accountView(
    { ...holder.account, mustChangePassword: true, failures: 0, failureWindowAt: null, lockedUntil: null },
    holder.principal,
  );
  const issued = await directoryWrite(plane, await writeRequest(c), chain, async () => ({
    statements: [
      updateAccount(plane, accountId, await versionNow(plane, holder), {
        passwordHash,
        mustChangePassword: true,
        failures: 0,
        failureWindowAt: null,
        lockedUntil: null,
      }),
      expectChanged(plane.directory.d1),
      endAccountSessions(plane, accountId, now, "password_reset"),
    ],
    events: [
      {
        scopeId: chain,
        districtId: chain,
        action: "account.password_reset",
        subjectType: "account",
        subjectId: accountId,
        after: { resetAt: now, resetBy: c.get("principal").id },
      },
    ],
    result: { id: accountId, login: holder.account.login, initialPassword: password, account: view },
    replay: { id: accountId, login: holder.account.login, initialPassword: null, account: view },
  }));
  forgetSessions(accountId);
  return c.json(issued, 200);
};
