import { createRoute, z } from "@hono/zod-openapi";
import {
  errorResponses,
  json,
  jsonBody,
  Name,
  PageQuery,
  Phone,
  pageSchema,
  security,
  writeResponses,
} from "@vanguard/platform";
import { AccountView, IssuedPassword, Login } from "./accounts.view";

const tags = ["Accounts"];

export const createDistrictAccount = createRoute({
  method: "post",
  path: "/v1/districts/{districtId}/accounts",
  tags,
  security,
  summary:
    "Create a district_admin or auditor account with a one-time password (platform_admin, district_admin)",
  request: {
    params: z.object({ districtId: z.string().max(64) }),
    body: jsonBody(
      z
        .object({
          login: Login,
          displayName: Name(50),
          role: z.enum(["district_admin", "auditor"]),
          phone: Phone.optional(),
        })
        .strict(),
    ),
  },
  responses: {
    201: json(IssuedPassword, "the account and its one-time password, shown once"),
    ...writeResponses,
  },
});

export const listDistrictAccounts = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}/accounts",
  tags,
  security,
  summary: "The district's own accounts (not its branches')",
  request: { params: z.object({ districtId: z.string().max(64) }), query: PageQuery },
  responses: { 200: json(pageSchema(AccountView), "accounts, without secrets"), ...errorResponses },
});

export const createBranchAccount = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/accounts",
  tags,
  security,
  summary: "Create a branch_admin or member account with a one-time password (district_admin, branch_admin)",
  request: {
    params: z.object({ branchId: z.string().max(64) }),
    body: jsonBody(
      z
        .object({
          login: Login,
          displayName: Name(50),
          role: z.enum(["branch_admin", "member"]),
          memberId: z.string().max(64).optional().openapi({
            description: "member accounts: the current member of this branch the account belongs to",
          }),
        })
        .strict(),
    ),
  },
  responses: {
    201: json(IssuedPassword, "the account and its one-time password, shown once"),
    ...writeResponses,
  },
});

export const listBranchAccounts = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/accounts",
  summary: "The branch's accounts",
  tags,
  security,
  request: { params: z.object({ branchId: z.string().max(64) }), query: PageQuery },
  responses: { 200: json(pageSchema(AccountView), "accounts, without secrets"), ...errorResponses },
});

export const disableAccount = createRoute({
  method: "delete",
  path: "/v1/accounts/{accountId}",
  tags,
  security,
  summary: "Disable an account; its sessions end at once",
  request: { params: z.object({ accountId: z.string().max(64) }) },
  responses: { 204: { description: "disabled" }, ...writeResponses },
});

export const resetPassword = createRoute({
  method: "post",
  path: "/v1/accounts/{accountId}/reset-password",
  tags,
  security,
  summary: "Give an account a new one-time password; its sessions end and any lock is lifted",
  request: { params: z.object({ accountId: z.string().max(64) }) },
  responses: { 200: json(IssuedPassword, "the new one-time password, shown once"), ...writeResponses },
});

export type CreateDistrictAccountRoute = typeof createDistrictAccount;
export type ListDistrictAccountsRoute = typeof listDistrictAccounts;
export type CreateBranchAccountRoute = typeof createBranchAccount;
export type ListBranchAccountsRoute = typeof listBranchAccounts;
export type DisableAccountRoute = typeof disableAccount;
export type ResetPasswordRoute = typeof resetPassword;
