import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  call,
  login,
  newAccount,
  newBranch,
  newMember,
  newTenant,
  PLATFORM_KEY,
  sessionFrom,
  signedIn,
} from "./harness";

describe("sessions are held to the same guards as keys, and to the browser's", () => {
  it("refuses a cookie-authenticated write without this site's Origin (403 csrf) and changes nothing", async () => {
    const t = await newTenant();
    const a = await newAccount({ branchId: t.branch.id }, t.branchKey, { role: "branch_admin" });
    const session = await signedIn(a);
    const member = { name: "跨站", gender: "male", birthDate: "1980-01-01", status: "applicant" };
    const count = async () =>
      (await call(`/v1/branches/${t.branch.id}/members`, { session })).body.items.length;
    const before = await count();
    for (const origin of [
      "https://evil.example",
      "null",
      "https://vanguard.test.evil.example",
      "http://vanguard.test",
    ]) {
      const r = await call(`/v1/branches/${t.branch.id}/members`, {
        session,
        body: member,
        headers: { origin },
      });
      expect(r.status).toBe(403);
      expect(r.body.code).toBe("csrf");
      expect(r.body.detail).toMatch(/跨站/);
    }
    // no Origin at all is refused too (a browser always sends one on a cross-site POST)
    const bare = await call(`/v1/branches/${t.branch.id}/members`, {
      key: null,
      body: member,
      headers: { cookie: `vg_session=${session}` },
    });
    expect(bare.status).toBe(403);
    expect(bare.body.code).toBe("csrf");
    const logout = await call("/v1/auth/logout", {
      session,
      method: "POST",
      headers: { origin: "https://evil.example" },
    });
    expect(logout.status).toBe(403);
    expect(await count()).toBe(before);
    // reads need no Origin, and a key never does (a browser does not attach it by itself)
    expect(
      (
        await call(`/v1/branches/${t.branch.id}/members`, {
          key: null,
          headers: { cookie: `vg_session=${session}` },
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(`/v1/branches/${t.branch.id}/members`, { key: t.branchKey, body: member })).status,
    ).toBe(201);
    expect((await call(`/v1/branches/${t.branch.id}/members`, { session, body: member })).status).toBe(201);
  });

  it("refuses a sign-in posted from another site's page", async () => {
    const t = await newTenant();
    const a = await newAccount({ districtId: t.district.id }, t.districtKey, { role: "auditor" });
    const r = await login(a.login, a.initialPassword, { origin: "https://evil.example" });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe("csrf");
    expect(r.headers.get("set-cookie")).toBeNull();
    expect((await login(a.login, a.initialPassword, { origin: "https://vanguard.test" })).status).toBe(200);
  });

  it("lets a one-time password open nothing but me, password and logout — module routes included", async () => {
    const t = await newTenant();
    const a = await newAccount({ branchId: t.branch.id }, t.districtKey, { role: "branch_admin" });
    const session = sessionFrom((await login(a.login, a.initialPassword)).headers)!;
    for (const path of [
      `/v1/branches/${t.branch.id}`,
      `/v1/branches/${t.branch.id}/accounts`,
      `/v1/branches/${t.branch.id}/study/leaderboard?period=month`,
      `/v1/branches/${t.branch.id}/development/cases`,
      `/v1/branches/${t.branch.id}/findings`,
    ]) {
      const r = await call(path, { session });
      expect({ path, status: r.status, code: r.body.code }).toEqual({
        path,
        status: 403,
        code: "password_change_required",
      });
    }
    expect((await call("/v1/auth/logout", { session, method: "POST" })).status).toBe(204);
  });

  it("keeps password change and logout to signed-in people (a key gets 403)", async () => {
    const t = await newTenant();
    expect((await call("/v1/auth/logout", { key: t.branchKey, method: "POST" })).status).toBe(403);
    const pw = await call("/v1/auth/password", {
      key: t.branchKey,
      body: { currentPassword: "x-password-1", newPassword: "y-password-22" },
    });
    expect(pw.status).toBe(403);
    const me = await call("/v1/auth/me", { key: t.branchKey });
    expect(me.body).toMatchObject({ account: null, role: "branch_admin", scope: { branchId: t.branch.id } });
    expect((await call("/v1/auth/me", { key: null })).status).toBe(401);
  });

  it("lets only the issuer's scope manage an account: 404 outside it, 403 for a role that may not", async () => {
    const t = await newTenant();
    const m = await newMember(t.branch.id, t.branchKey);
    const secretary = await newAccount({ branchId: t.branch.id }, t.districtKey, { role: "branch_admin" });
    const staff = await newAccount({ districtId: t.district.id }, t.districtKey, { role: "district_admin" });
    const sibling = await newBranch(t.district.id, t.districtKey);
    const siblingKey = (
      await call(`/v1/branches/${sibling.id}/keys`, {
        key: t.districtKey,
        body: { role: "branch_admin", label: "邻" },
      })
    ).body.key;
    const other = await newTenant();
    const memberAccount = await newAccount({ branchId: t.branch.id }, t.branchKey, {
      role: "member",
      memberId: m.id,
    });
    const memberSession = await signedIn(memberAccount);

    const attempts: [string, { key?: string; session?: string }, string, number][] = [
      ["sibling branch admin on a branch account", { key: siblingKey }, secretary.id, 404],
      ["other district admin on a branch account", { key: other.districtKey }, secretary.id, 404],
      ["other district admin on a district account", { key: other.districtKey }, staff.id, 404],
      ["branch admin on a district account", { key: t.branchKey }, staff.id, 404],
      ["auditor on a branch account", { key: t.auditorKey }, secretary.id, 403],
      ["auditor on a district account", { key: t.auditorKey }, staff.id, 403],
      ["member session on its secretary", { session: memberSession }, secretary.id, 403],
      ["member session on district staff", { session: memberSession }, staff.id, 404],
    ];
    for (const [who, cred, accountId, want] of attempts) {
      for (const [method, path] of [
        ["DELETE", `/v1/accounts/${accountId}`],
        ["POST", `/v1/accounts/${accountId}/reset-password`],
      ] as const) {
        const r = await call(path, { ...cred, method });
        expect({ who, method, status: r.status }).toEqual({ who, method, status: want });
      }
    }
    // creating: a branch admin cannot make district accounts (404), an auditor nothing (403)
    const d = await call(`/v1/districts/${t.district.id}/accounts`, {
      key: t.branchKey,
      body: { login: "sneaky-one", displayName: "x", role: "district_admin" },
    });
    expect(d.status).toBe(404);
    const b = await call(`/v1/branches/${t.branch.id}/accounts`, {
      key: t.auditorKey,
      body: { login: "sneaky-two", displayName: "x", role: "branch_admin" },
    });
    expect(b.status).toBe(403);
    // nothing changed: both accounts still open with their one-time passwords
    expect((await login(secretary.login, secretary.initialPassword)).status).toBe(200);
    expect((await login(staff.login, staff.initialPassword)).status).toBe(200);
    // and the issuers may
    expect(
      (await call(`/v1/accounts/${secretary.id}/reset-password`, { key: t.branchKey, method: "POST" }))
        .status,
    ).toBe(200);
    expect((await call(`/v1/accounts/${staff.id}`, { key: PLATFORM_KEY, method: "DELETE" })).status).toBe(
      204,
    );
  });

  it("sends X-D1-* counts only on authenticated responses", async () => {
    const t = await newTenant();
    const ok = await call(`/v1/branches/${t.branch.id}/members`, { key: t.branchKey });
    expect(ok.headers.get("x-d1-queries")).not.toBeNull();
    for (const r of [
      await call(`/v1/branches/${t.branch.id}/members`, { key: "vgk_not_a_real_key_at_all" }),
      await call(`/v1/branches/br_nonexistent/members`, { key: null }),
      await call("/v1/auth/login", { key: null, body: { login: "nobody-at-all", password: "whatever-1" } }),
    ]) {
      expect(r.status).toBe(401);
      expect(r.headers.get("x-d1-queries")).toBeNull();
      expect(r.headers.get("x-d1-round-trips")).toBeNull();
    }
  });

  it("remembers an unknown key as unknown for a few seconds, so a flood of it skips the directory", async () => {
    const t = await newTenant();
    const key = `vgk_flood_${crypto.randomUUID().replaceAll("-", "")}`;
    expect((await call(`/v1/branches/${t.branch.id}/members`, { key })).status).toBe(401);
    // the key is written straight into the directory, as if issued in between: the isolate's
    // memory answers without reading it
    const hash = [...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key)))]
      .map((b) => b.toString(16).padStart(2, "0"))
      .join("");
    const principal = await env.DIRECTORY.prepare("SELECT principal_id FROM api_keys LIMIT 1").first<{
      principal_id: string;
    }>();
    await env.DIRECTORY.prepare(
      "INSERT INTO api_keys (id, principal_id, hash, prefix, created_at) VALUES ('key_flood', ?, ?, 'vgk_fl', ?)",
    )
      .bind(principal!.principal_id, hash, new Date().toISOString())
      .run();
    expect((await call(`/v1/branches/${t.branch.id}/members`, { key })).status).toBe(401);
  });

  it("prefers a key to a cookie when both are sent", async () => {
    const t = await newTenant();
    const a = await newAccount({ districtId: t.district.id }, t.districtKey, { role: "auditor" });
    const session = await signedIn(a);
    const r = await call("/v1/auth/me", { key: t.branchKey, headers: { cookie: `vg_session=${session}` } });
    expect(r.body.role).toBe("branch_admin");
  });

  it("announces the per-key quota", async () => {
    const t = await newTenant();
    for (const path of [
      `/v1/branches/${t.branch.id}/members`,
      `/v1/branches/${t.branch.id}/study/leaderboard?period=month`,
    ]) {
      const r = await call(path, { key: t.branchKey });
      expect(r.status).toBe(200);
      expect(r.headers.get("ratelimit-policy")).toMatch(/^"api";q=\d+;w=60$/);
    }
  });
});
