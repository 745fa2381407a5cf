import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  call,
  login,
  memberKey,
  newAccount,
  newMember,
  newTenant,
  PLATFORM_KEY,
  sessionFrom,
  signedIn,
} from "./harness";

const directory = () => env.DIRECTORY;

async function sessionRow(accountId: string) {
  return directory()
    .prepare(
      "SELECT created_at, seen_at, ended_at, end_reason FROM sessions WHERE account_id = ? ORDER BY created_at",
    )
    .bind(accountId)
    .all<{ ended_at: string | null; end_reason: string | null }>();
}

describe("accounts and sessions", () => {
  it("a district admin creates a branch secretary's account; the secretary signs in, must change the one-time password, then works as a key would", async () => {
    const t = await newTenant();
    const created = await call(`/v1/branches/${t.branch.id}/accounts`, {
      key: t.districtKey,
      body: { login: "Econ-Secretary-1", displayName: "王书记", role: "branch_admin" },
    });
    expect(created.status).toBe(201);
    expect(created.body.login).toBe("econ-secretary-1");
    expect(created.body.initialPassword).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    expect(created.body.account).toMatchObject({
      role: "branch_admin",
      branchId: t.branch.id,
      districtId: t.district.id,
      status: "active",
      mustChangePassword: true,
    });

    const first = await login("ECON-secretary-1", created.body.initialPassword);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ mustChangePassword: true, account: { login: "econ-secretary-1" } });
    const cookie = first.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^vg_session=vgs_[A-Za-z0-9_-]{43};/);
    for (const attr of ["HttpOnly", "SameSite=Lax", "Path=/", "Secure", "Max-Age=604800"])
      expect(cookie).toContain(attr);
    const session = sessionFrom(first.headers)!;

    // a one-time password opens only me, password and logout
    const me = await call("/v1/auth/me", { session });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      account: { login: "econ-secretary-1", displayName: "王书记" },
      role: "branch_admin",
      scope: { districtId: t.district.id, branchId: t.branch.id, memberId: null },
      branch: { id: t.branch.id },
      district: { id: t.district.id, name: "测试区" },
      mustChangePassword: true,
    });
    const blocked = await call(`/v1/branches/${t.branch.id}/members`, { session });
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe("password_change_required");
    expect(blocked.body.detail).toBe("请先修改初始密码");

    const changed = await call("/v1/auth/password", {
      session,
      body: { currentPassword: created.body.initialPassword, newPassword: "支部工作-2026-春" },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.mustChangePassword).toBe(false);

    // the same answers as the branch's key
    await newMember(t.branch.id, t.branchKey, { name: "乔宇航" });
    const bySession = await call(`/v1/branches/${t.branch.id}/members`, { session });
    const byKey = await call(`/v1/branches/${t.branch.id}/members`, { key: t.branchKey });
    expect(bySession.status).toBe(200);
    expect(bySession.body).toEqual(byKey.body);
    // and a write through the session lands, recorded as the account's principal
    const m = await call(`/v1/branches/${t.branch.id}/members`, {
      session,
      body: { name: "李红", gender: "female", birthDate: "1990-05-01", status: "applicant" },
    });
    expect(m.status).toBe(201);
    // a module route (forwarded with a signed context) accepts the session too
    const board = await call(`/v1/branches/${t.branch.id}/study/leaderboard?period=month`, { session });
    expect(board.status).toBe(200);

    // the old one-time password no longer opens the account; the new one does
    expect((await login("econ-secretary-1", created.body.initialPassword)).status).toBe(401);
    expect((await login("econ-secretary-1", "支部工作-2026-春")).status).toBe(200);
  });

  it("a member account is bound to its member and sees what a member key sees", async () => {
    const t = await newTenant();
    const m = await newMember(t.branch.id, t.branchKey);
    const other = await newMember(t.branch.id, t.branchKey, { name: "另一人" });
    const a = await newAccount({ branchId: t.branch.id }, t.branchKey, { role: "member", memberId: m.id });
    const session = await signedIn(a);
    const me = await call("/v1/auth/me", { session });
    expect(me.body).toMatchObject({ role: "member", scope: { memberId: m.id, branchId: t.branch.id } });
    const key = await memberKey(t.branch.id, m.id, t.branchKey);
    for (const path of [
      `/v1/branches/${t.branch.id}/members/${m.id}`,
      `/v1/branches/${t.branch.id}/members/${other.id}`,
      `/v1/branches/${t.branch.id}/members`,
      `/v1/branches/${t.branch.id}/study/members/${m.id}/summary?year=2026`,
    ]) {
      const [s, k] = await Promise.all([call(path, { session }), call(path, { key })]);
      expect({ path, status: s.status }).toEqual({ path, status: k.status });
      if (s.status === 200) expect(s.body).toEqual(k.body);
    }
  });

  it("logout ends the session on the server, not only in the browser", async () => {
    const t = await newTenant();
    const a = await newAccount({ districtId: t.district.id }, t.districtKey, { role: "district_admin" });
    const session = await signedIn(a);
    expect((await call(`/v1/districts/${t.district.id}/branches`, { session })).status).toBe(200);
    const out = await call("/v1/auth/logout", { session, method: "POST" });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/^vg_session=;.*Max-Age=0/);
    // the browser could keep sending the old cookie: it opens nothing
    const after = await call(`/v1/districts/${t.district.id}/branches`, { session });
    expect(after.status).toBe(401);
    const rows = (await sessionRow(a.id)).results;
    expect(rows.map((r) => r.end_reason)).toEqual(["logout"]);
  });

  it("a changed password ends the account's other sessions and keeps this one", async () => {
    const t = await newTenant();
    const a = await newAccount({ districtId: t.district.id }, t.districtKey, { role: "auditor" });
    const here = await signedIn(a, "first-password-ok");
    const elsewhere = sessionFrom((await login(a.login, "first-password-ok")).headers)!;
    expect((await call("/v1/auth/me", { session: elsewhere })).status).toBe(200);
    const changed = await call("/v1/auth/password", {
      session: here,
      body: { currentPassword: "first-password-ok", newPassword: "second-password-ok" },
    });
    expect(changed.status).toBe(200);
    expect((await call("/v1/auth/me", { session: elsewhere })).status).toBe(401);
    expect((await call("/v1/auth/me", { session: here })).status).toBe(200);
  });

  it("disabling an account ends its sessions at once; a reset gives a new one-time password", async () => {
    const t = await newTenant();
    const a = await newAccount({ branchId: t.branch.id }, t.districtKey, { role: "branch_admin" });
    const session = await signedIn(a, "good-password-1");
    const reset = await call(`/v1/accounts/${a.id}/reset-password`, { key: t.branchKey, method: "POST" });
    expect(reset.status).toBe(200);
    expect(reset.body.initialPassword).not.toBe(a.initialPassword);
    expect(reset.body.account.mustChangePassword).toBe(true);
    expect((await call("/v1/auth/me", { session })).status).toBe(401);
    expect((await login(a.login, "good-password-1")).status).toBe(401);
    const again = await signedIn({ ...a, initialPassword: reset.body.initialPassword }, "good-password-2");

    const disabled = await call(`/v1/accounts/${a.id}`, { key: t.districtKey, method: "DELETE" });
    expect(disabled.status).toBe(204);
    expect((await call("/v1/auth/me", { session: again })).status).toBe(401);
    const denied = await login(a.login, "good-password-2");
    expect(denied.status).toBe(401);
    expect(denied.body.code).toBe("invalid_credentials");
    const list = await call(`/v1/branches/${t.branch.id}/accounts`, { key: t.branchKey });
    expect(list.body.items.find((x: { id: string }) => x.id === a.id)).toMatchObject({ status: "disabled" });
  });

  it("lists accounts by scope without a secret in them", async () => {
    const t = await newTenant();
    const d = await newAccount({ districtId: t.district.id }, t.districtKey, { role: "district_admin" });
    const b = await newAccount({ branchId: t.branch.id }, t.branchKey, { role: "branch_admin" });
    const district = await call(`/v1/districts/${t.district.id}/accounts`, { key: t.auditorKey });
    expect(district.body.items.map((x: { id: string }) => x.id)).toEqual([d.id]);
    const branch = await call(`/v1/branches/${t.branch.id}/accounts`, { key: t.districtKey });
    expect(branch.body.items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    const text = JSON.stringify([district.body, branch.body]);
    expect(text).not.toContain(d.initialPassword);
    expect(text).not.toContain("pbkdf2");
  });

  it("records sign-ins, failures, lockouts, password changes and logouts in the directory's log, never a password or a session id", async () => {
    const t = await newTenant();
    const a = await newAccount({ districtId: t.district.id }, t.districtKey, { role: "district_admin" });
    const session = await signedIn(a, "logged-password-1");
    for (let i = 0; i < 5; i++) await login(a.login, `wrong-password-${i}`);
    await call(`/v1/accounts/${a.id}/reset-password`, { key: PLATFORM_KEY, method: "POST" });
    const fresh = await login(a.login, "logged-password-1");
    expect(fresh.status).toBe(401);
    const { results } = await directory()
      .prepare(
        "SELECT action, after FROM directory_events WHERE scope_id = ? AND subject_id = ? ORDER BY seq",
      )
      .bind(t.district.id, a.id)
      .all<{ action: string; after: string }>();
    expect(results.map((r) => r.action)).toEqual([
      "account.created",
      "auth.login",
      "auth.password_changed",
      "auth.login_failed",
      "auth.login_failed",
      "auth.login_failed",
      "auth.login_failed",
      "auth.login_failed",
      "auth.locked",
      "account.password_reset",
      "auth.login_failed",
    ]);
    await call("/v1/auth/logout", { session, method: "POST" });
    const all = await directory().prepare("SELECT * FROM directory_events").all();
    const text = JSON.stringify(all.results);
    for (const secret of [a.initialPassword, "logged-password-1", "wrong-password-0", session]) {
      expect(text).not.toContain(secret);
    }
  });

  it("drops Secure only for plain http on the loopback address", async () => {
    const t = await newTenant();
    const a = await newAccount({ districtId: t.district.id }, t.districtKey, { role: "auditor" });
    const res = await exports.default.fetch(
      new Request("http://127.0.0.1:8787/v1/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": "203.0.113.9" },
        body: JSON.stringify({ login: a.login, password: a.initialPassword }),
      }),
    );
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toContain("HttpOnly");
    expect(cookie).not.toContain("Secure");
  });
});
