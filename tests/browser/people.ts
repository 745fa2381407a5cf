import type { Browser } from "playwright-core";
import { base, must, unique } from "../support/http";
import { changePassword, person, signIn } from "./console";

/**
 * People of the browser tests: accounts made through the API (as a district or a branch does), so
 * each test file signs in with its own and never meets another file's changed passwords.
 */
export interface Account {
  login: string;
  password: string;
}

export async function branchAccount(
  branchId: string,
  key: string,
  role: "branch_admin" | "member",
  displayName: string,
  memberId?: string,
): Promise<Account> {
  const made = await must("POST", `/v1/branches/${branchId}/accounts`, {
    key,
    body: {
      login: unique(role === "member" ? "m" : "sec"),
      displayName,
      role,
      ...(memberId ? { memberId } : {}),
    },
  });
  return { login: made.login, password: made.initialPassword };
}

export async function districtAccount(
  districtId: string,
  key: string,
  displayName: string,
): Promise<Account> {
  const made = await must("POST", `/v1/districts/${districtId}/accounts`, {
    key,
    body: { login: unique("org"), displayName, role: "district_admin" },
  });
  return { login: made.login, password: made.initialPassword };
}

/** A browser of the account's own, signed in at the console with the one-time password changed. */
export async function consoleSession(browser: Browser, account: Account) {
  const watched = await person(browser);
  await signIn(watched.page, account.login, account.password);
  await changePassword(watched.page, account.password, `${account.login}-Xinmima-2026`);
  await watched.page.waitForURL((url) => !url.pathname.endsWith("/password"));
  return watched;
}

export const consoleUrl = (path: string) => `${base()}/console${path}`;
