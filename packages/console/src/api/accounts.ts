import type { components } from "@vanguard/client";
import { api, call } from "./client";

export type Account = components["schemas"]["Account"];
type AccountRole = Account["role"];

/** The accounts of a branch or of a district's department. */
export function listAccounts(scope: "branches" | "districts", id: string) {
  return scope === "branches"
    ? call(
        api.GET("/v1/branches/{branchId}/accounts", {
          params: { path: { branchId: id }, query: { limit: 200 } },
        }),
      )
    : call(
        api.GET("/v1/districts/{districtId}/accounts", {
          params: { path: { districtId: id }, query: { limit: 200 } },
        }),
      );
}

/** A new account and its one-time password (shown once); the key makes a resent form create it once. */
export function createAccount(
  scope: "branches" | "districts",
  id: string,
  body: { login: string; displayName: string; role: AccountRole; memberId?: string },
  idempotencyKey: string,
) {
  const headers = { "idempotency-key": idempotencyKey };
  return scope === "branches"
    ? call(
        api.POST("/v1/branches/{branchId}/accounts", {
          params: { path: { branchId: id } },
          headers,
          body: body as { login: string; displayName: string; role: "branch_admin" | "member" },
        }),
      )
    : call(
        api.POST("/v1/districts/{districtId}/accounts", {
          params: { path: { districtId: id } },
          headers,
          body: body as { login: string; displayName: string; role: "district_admin" | "auditor" },
        }),
      );
}

export function disableAccount(accountId: string) {
  return call(api.DELETE("/v1/accounts/{accountId}", { params: { path: { accountId } } }));
}

export function resetPassword(accountId: string) {
  return call(api.POST("/v1/accounts/{accountId}/reset-password", { params: { path: { accountId } } }));
}
