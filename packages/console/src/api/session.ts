import { type components, VanguardError } from "@vanguard/client";
import { reactive } from "vue";
import { api, call } from "./client";

export type Me = components["schemas"]["Me"];
export type Role = Me["role"];

/** Who is signed in; the header shows their name, role and branch or district from here. */
export const session = reactive({
  me: null as Me | null,
  checked: false,
});

/** The district a person works in: their own, or an auditor's first listed district. */
export function districtOf(me: Me | null): string | null {
  return me?.scope.districtId ?? me?.scope.auditDistricts?.[0] ?? null;
}

/** Asks the API who the cookie belongs to; a 401 means nobody is signed in. */
export async function loadSession(): Promise<Me | null> {
  try {
    session.me = await call(api.GET("/v1/auth/me"));
  } catch (err) {
    if (!(err instanceof VanguardError && err.status === 401)) throw err;
    session.me = null;
  } finally {
    session.checked = true;
  }
  return session.me;
}

export async function signIn(login: string, password: string): Promise<Me | null> {
  await call(api.POST("/v1/auth/login", { body: { login, password } }));
  return loadSession();
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<Me | null> {
  await call(api.POST("/v1/auth/password", { body: { currentPassword, newPassword } }));
  return loadSession();
}

export async function signOut(): Promise<void> {
  await call(api.POST("/v1/auth/logout")).catch((err) => {
    // an expired session is signed out already
    if (!(err instanceof VanguardError && err.status === 401)) throw err;
  });
  session.me = null;
}

/** The page a person lands on after signing in. */
export function homeOf(me: Me | null): string {
  if (!me) return "/sign-in";
  if (me.mustChangePassword) return "/password";
  if (me.role === "branch_admin") return "/branch/home";
  if (me.role === "member") return "/me";
  return "/district/overview";
}
