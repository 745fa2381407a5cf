import { send } from "./client";

/** A person's account as the accounts routes list it. */
export interface Account {
  id: string;
  login: string;
  displayName: string;
  role: string;
  memberId?: string | null;
  disabledAt?: string | null;
  status?: string;
  createdAt?: string;
}

export const isDisabled = (a: Account) => Boolean(a.disabledAt) || a.status === "disabled";

async function json<T>(method: string, path: string, body?: unknown, key?: string): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (key) headers["idempotency-key"] = key;
  const res = await send(method, path, {
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** The accounts of a branch or of a district's department. */
export function listAccounts(scope: "branches" | "districts", id: string) {
  return json<{ items: Account[] }>("GET", `/v1/${scope}/${id}/accounts?limit=200`);
}

export function createAccount(
  scope: "branches" | "districts",
  id: string,
  body: { login: string; displayName: string; role: string; memberId?: string },
  key: string,
) {
  return json<{ id: string; login: string; initialPassword: string }>(
    "POST",
    `/v1/${scope}/${id}/accounts`,
    body,
    key,
  );
}

export function disableAccount(accountId: string) {
  return json<unknown>("DELETE", `/v1/accounts/${accountId}`);
}

export function resetPassword(accountId: string) {
  return json<{ initialPassword?: string; password?: string }>(
    "POST",
    `/v1/accounts/${accountId}/reset-password`,
  );
}
