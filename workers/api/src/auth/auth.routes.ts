import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, jsonBody, security, writeResponses } from "@vanguard/platform";
import { AccountView, Login, PasswordInput } from "../accounts/accounts.view";
import { signInGuard } from "./sign-in.guard";

const tags = ["Sign-in"];

const SignedIn = z.object({ account: AccountView, mustChangePassword: z.boolean() }).openapi("SignedIn");

const Me = z
  .object({
    account: z
      .object({ id: z.string(), login: z.string(), displayName: z.string() })
      .nullable()
      .openapi({ description: "null when the caller presented a key rather than signing in" }),
    role: z.enum(["platform_admin", "district_admin", "branch_admin", "member", "auditor"]),
    scope: z.object({
      districtId: z.string().nullable(),
      branchId: z.string().nullable(),
      memberId: z.string().nullable(),
      auditDistricts: z.array(z.string()).nullable(),
    }),
    district: z.object({ id: z.string(), name: z.string() }).nullable(),
    branch: z.object({ id: z.string(), name: z.string() }).nullable(),
    mustChangePassword: z.boolean(),
  })
  .openapi("Me");

export const login = createRoute({
  method: "post",
  path: "/v1/auth/login",
  tags,
  // no credential: this is how a person gets one
  security: [],
  summary: "Sign in with a login and password; sets the vg_session cookie",
  description:
    "A wrong login and a wrong password get the same 401. Five failures within 15 minutes lock the account for 15 minutes (429 with Retry-After, even for the right password). The cookie is HttpOnly, SameSite=Lax, Path=/ and Secure (except on http://127.0.0.1 and localhost); the session ends after 12 hours idle or 7 days.",
  middleware: [signInGuard()] as const,
  request: { body: jsonBody(z.object({ login: Login, password: PasswordInput }).strict()) },
  responses: {
    200: {
      ...json(SignedIn, "signed in; a one-time password must be changed before anything else"),
      headers: { "Set-Cookie": { schema: { type: "string" }, description: "vg_session=…" } },
    },
    ...errorResponses,
  },
});

export const me = createRoute({
  method: "get",
  path: "/v1/auth/me",
  tags,
  security,
  summary: "Who is signed in: the account, its role and scope",
  responses: { 200: json(Me, "the caller"), ...errorResponses },
});

export const changePassword = createRoute({
  method: "post",
  path: "/v1/auth/password",
  tags,
  security,
  summary: "Change one's own password; the account's other sessions end",
  request: {
    body: jsonBody(z.object({ currentPassword: PasswordInput, newPassword: PasswordInput }).strict()),
  },
  responses: { 200: json(SignedIn, "changed"), ...writeResponses },
});

export const logout = createRoute({
  method: "post",
  path: "/v1/auth/logout",
  tags,
  security,
  summary: "Sign out: the session ends on the server, and the cookie is cleared",
  responses: { 204: { description: "signed out" }, ...errorResponses },
});

export type LoginRoute = typeof login;
export type MeRoute = typeof me;
export type ChangePasswordRoute = typeof changePassword;
export type LogoutRoute = typeof logout;
