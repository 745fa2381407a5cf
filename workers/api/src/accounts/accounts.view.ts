import { z } from "@hono/zod-openapi";
import type { Account, Principal as PrincipalRow } from "@vanguard/db";
import { isValidLogin, lockedFor } from "@vanguard/domain";

/** 账号: validated as typed, stored in lower case. */
export const Login = z
  .string()
  .max(64)
  .refine(isValidLogin, {
    message:
      "账号须为 3 至 64 个字符，只能包含字母、数字和 . _ -，以字母或数字开头，不能有空格|a login is 3 to 64 characters of letters, digits and . _ -, starting with a letter or digit, without spaces",
  })
  .openapi({ example: "econ-secretary" });

/** A password as sent: bounded before it reaches the slow hash; the policy is checked afterwards. */
export const PasswordInput = z
  .string()
  .min(1)
  .max(1024)
  .openapi({ description: "at least 10 characters; never logged or stored in clear" });

export const AccountView = z
  .object({
    id: z.string(),
    login: z.string(),
    displayName: z.string(),
    role: z.enum(["district_admin", "auditor", "branch_admin", "member"]),
    districtId: z.string().nullable(),
    branchId: z.string().nullable(),
    memberId: z.string().nullable(),
    phone: z.string().nullable().openapi({ description: "masked" }),
    status: z.enum(["active", "disabled"]),
    mustChangePassword: z.boolean(),
    lockedUntil: z
      .string()
      .nullable()
      .openapi({ description: "set while failed sign-ins keep the account locked" }),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
  })
  .openapi("Account");

export const IssuedPassword = z
  .object({
    id: z.string(),
    login: z.string(),
    initialPassword: z.string().nullable().openapi({
      description: "one-time: shown once, must be changed at first sign-in; null on a replayed request",
    }),
    account: AccountView,
  })
  .openapi("IssuedPassword");

export function accountView(a: Account, p: PrincipalRow, now = new Date()): z.infer<typeof AccountView> {
  const locked = lockedFor(
    { failures: a.failures, windowAt: a.failureWindowAt, lockedUntil: a.lockedUntil },
    now,
  );
  return {
    id: a.id,
    login: a.login,
    displayName: a.displayName,
    role: p.role as z.infer<typeof AccountView>["role"],
    districtId: p.districtId,
    branchId: p.branchId,
    memberId: p.memberId,
    phone: a.phoneMasked,
    status: a.disabledAt ? "disabled" : "active",
    mustChangePassword: a.mustChangePassword,
    lockedUntil: locked ? a.lockedUntil : null,
    lastLoginAt: a.lastLoginAt,
    createdAt: a.createdAt,
    disabledAt: a.disabledAt,
  };
}
