import { describe, expect, it } from "vitest";
import { demoDistrict } from "../support/demo";
import { base, http, must, tenant } from "../support/http";

// People sign in over HTTP against the real stack (wrangler dev): the cookie a browser would keep,
// the Origin a browser would send, and the server-side end of a session.
let address = 0;
const fresh = () => `203.0.113.${(address++ % 250) + 1}`;

function cookieOf(r: { headers: Headers }): string | undefined {
  return /vg_session=([^;]*)/.exec(r.headers.get("set-cookie") ?? "")?.[1] || undefined;
}

function asPerson(session: string, extra: Record<string, string> = {}) {
  return { key: null, headers: { cookie: `vg_session=${session}`, origin: base(), ...extra } };
}

const signIn = (login: string, password: string, headers: Record<string, string> = {}) =>
  http("POST", "/v1/auth/login", {
    key: null,
    body: { login, password },
    headers: { "cf-connecting-ip": fresh(), ...headers },
  });

describe("signing in over HTTP", () => {
  it("signs in, changes the one-time password, reads /v1/auth/me, is refused a cross-site write, and logs out for good", async () => {
    const t = await tenant(0);
    const issued = await must("POST", `/v1/branches/${t.branch.id}/accounts`, {
      key: t.districtKey,
      body: { login: `e2e-sec-${Date.now().toString(36)}`, displayName: "支部书记", role: "branch_admin" },
    });
    const first = await signIn(issued.login, issued.initialPassword);
    expect(first.status).toBe(200);
    expect(first.body.mustChangePassword).toBe(true);
    const setCookie = first.headers.get("set-cookie")!;
    // served over http://127.0.0.1: Secure is the one attribute dropped
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);
    const session = cookieOf(first)!;

    const blocked = await http("GET", `/v1/branches/${t.branch.id}/members`, asPerson(session));
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe("password_change_required");

    const changed = await http("POST", "/v1/auth/password", {
      ...asPerson(session),
      body: { currentPassword: issued.initialPassword, newPassword: "端到端-new-password" },
    });
    expect(changed.status).toBe(200);

    const me = await http("GET", "/v1/auth/me", asPerson(session));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      account: { login: issued.login, displayName: "支部书记" },
      role: "branch_admin",
      scope: { branchId: t.branch.id, districtId: t.district.id },
      branch: { id: t.branch.id },
      mustChangePassword: false,
    });

    const member = { name: "张三", gender: "male", birthDate: "1980-01-01", status: "applicant" };
    const crossSite = await http("POST", `/v1/branches/${t.branch.id}/members`, {
      ...asPerson(session, { origin: "https://evil.example" }),
      body: member,
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.code).toBe("csrf");
    const sameSite = await http("POST", `/v1/branches/${t.branch.id}/members`, {
      ...asPerson(session),
      body: member,
    });
    expect(sameSite.status).toBe(201);
    const list = await http("GET", `/v1/branches/${t.branch.id}/members`, asPerson(session));
    expect(list.body.items.map((m: { name: string }) => m.name)).toEqual(["张三"]);

    const out = await http("POST", "/v1/auth/logout", asPerson(session));
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    // a copy of the cookie kept anywhere opens nothing: the session is gone on the server
    const after = await http("GET", "/v1/auth/me", asPerson(session));
    expect(after.status).toBe(401);
  });

  it("limits sign-in attempts per client address: 429 with Retry-After and RateLimit headers", async () => {
    const address = "198.51.100.77";
    let limited: Awaited<ReturnType<typeof signIn>> | undefined;
    // the quota is per minute, in windows aligned to the clock: within two windows' worth of
    // attempts one is refused, whenever the run starts (malformed attempts count, and cost nothing)
    for (let i = 0; i < 2 * 600 + 1 && !limited; i++) {
      const r = await http("POST", "/v1/auth/login", {
        key: null,
        body: { login: "x", password: "" },
        headers: { "cf-connecting-ip": address },
      });
      if (r.status === 429) limited = r;
      else expect(r.status).toBe(400);
    }
    expect(limited).toBeDefined();
    expect(limited!.body.code).toBe("rate_limited");
    const retry = Number(limited!.headers.get("retry-after"));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(limited!.headers.get("ratelimit")).toBe(`"signin";r=0;t=${retry}`);
    expect(limited!.headers.get("ratelimit-policy")).toMatch(/^"signin";q=\d+;w=60$/);
    // another address is not held back
    const other = await signIn("nobody-here", "whatever-password");
    expect(other.status).toBe(401);
  });

  it("seeds the demo's people, who sign in with their one-time passwords", async () => {
    const demo = await demoDistrict();
    expect(
      Object.values(demo.accounts)
        .map((a) => a.login)
        .sort(),
    ).toEqual(["econ-member", "econ-secretary", "ganyu-admin", "ganyu-auditor"]);
    const secretary = await signIn(demo.accounts.branchAdmin.login, demo.accounts.branchAdmin.password);
    expect(secretary.status).toBe(200);
    const me = await http("GET", "/v1/auth/me", asPerson(cookieOf(secretary)!));
    expect(me.body).toMatchObject({
      role: "branch_admin",
      branch: { name: "经济信息中心党支部" },
      district: { name: "赣榆区" },
      mustChangePassword: true,
    });
    const member = await signIn(demo.accounts.member.login, demo.accounts.member.password);
    expect(member.status).toBe(200);
    expect(member.body.account.memberId).toBe(demo.keys.member.memberId);
  });
});
