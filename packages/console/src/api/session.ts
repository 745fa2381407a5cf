import { VanguardError } from "@vanguard/client";
import { reactive } from "vue";
import { api, call, send } from "./client";

export type Role = "platform_admin" | "district_admin" | "branch_admin" | "member" | "auditor";

export interface Me {
  account: { id: string; login: string; displayName: string };
  role: Role;
  scope: {
    districtId: string | null;
    branchId: string | null;
    memberId: string | null;
    auditDistricts?: string[] | null;
  };
  mustChangePassword: boolean;
}

/** Who is signed in, and the names of their branch and district shown in the header. */
export const session = reactive({
  me: null as Me | null,
  checked: false,
  branchName: "",
  districtName: "",
});

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, {
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** The district a person works in: their own, or an auditor's first listed district. */
export function districtOf(me: Me | null): string | null {
  return me?.scope.districtId ?? me?.scope.auditDistricts?.[0] ?? null;
}

async function loadNames(me: Me): Promise<void> {
  session.branchName = "";
  session.districtName = "";
  if (me.mustChangePassword) return;
  const branchId = me.scope.branchId;
  const districtId = districtOf(me);
  // a member may not read the branch record: the header then shows what it can
  if (branchId && me.role !== "member") {
    const b = await call(api.GET("/v1/branches/{branchId}", { params: { path: { branchId } } })).catch(
      () => null,
    );
    session.branchName = b?.name ?? "";
  } else if (districtId) {
    const d = await call(api.GET("/v1/districts/{districtId}", { params: { path: { districtId } } })).catch(
      () => null,
    );
    session.districtName = d?.name ?? "";
  }
}

/** Asks the API who the cookie belongs to; a 401 means nobody is signed in. */
export async function loadSession(): Promise<Me | null> {
  try {
    const me = await json<Me>("GET", "/v1/auth/me");
    session.me = me;
    await loadNames(me);
  } catch (err) {
    if (!(err instanceof VanguardError && err.status === 401)) throw err;
    session.me = null;
  } finally {
    session.checked = true;
  }
  return session.me;
}

export async function signIn(login: string, password: string): Promise<Me | null> {
  await json("POST", "/v1/auth/login", { login, password });
  return loadSession();
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<Me | null> {
  await json("POST", "/v1/auth/password", { currentPassword, newPassword });
  return loadSession();
}

export async function signOut(): Promise<void> {
  await json("POST", "/v1/auth/logout").catch((err) => {
    // an expired session is signed out already
    if (!(err instanceof VanguardError && err.status === 401)) throw err;
  });
  session.me = null;
  session.branchName = "";
  session.districtName = "";
}

/** The page a person lands on after signing in. */
export function homeOf(me: Me | null): string {
  if (!me) return "/sign-in";
  if (me.mustChangePassword) return "/password";
  if (me.role === "branch_admin") return "/branch/home";
  if (me.role === "member") return "/me";
  return "/district/overview";
}
