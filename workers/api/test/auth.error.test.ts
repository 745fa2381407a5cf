import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  call,
  login,
  newAccount,
  newMember,
  newTenant,
  PLATFORM_KEY,
  sessionFrom,
  signedIn,
} from "./harness";

const strip = (body: Record<string, unknown>) => {
  const { requestId: _, ...rest } = body;
  return rest;
};

async function directoryState() {
  const [events, accounts, sessions] = await Promise.all([
    env.DIRECTORY.prepare("SELECT count(*) AS n FROM directory_events").first<{ n: number }>(),
    env.DIRECTORY.prepare("SELECT id, failures, locked_until, version FROM accounts ORDER BY id").all(),
    env.DIRECTORY.prepare("SELECT count(*) AS n FROM sessions").first<{ n: number }>(),
  ]);
  return JSON.stringify([events?.n, accounts.results, sessions?.n]);
}

describe("sign-in refuses bad input clearly and changes nothing it should not", () => {
  it("answers an unknown login and a wrong password with the same 401", async () => {
    const t = await newTenant();
    const a = await newAccount({ districtId: t.district.id }, t.districtKey, { role: "auditor" });
    const wrong = await login(a.login, "not-the-password");
    const unknown = await login("nobody-here", "not-the-password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(wrong.body).toMatchObject({ code: "invalid_credentials", detail: "账号或密码错误" });
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const en = await login("nobody-here", "not-the-password", { "accept-language": "en" });
    expect(en.body.detail).toBe("Wrong login or password");
  });

  it("refuses a disabled account with that same 401, even with the right password", async () => {
    const t = await newTenant();
    const a = await newAccount({ districtId: t.district.id }, t.districtKey, { role: "auditor" });
    await call(`/v1/accounts/${a.id}`, { key: t.districtKey, method: "DELETE" });
    const r = await login(a.login, a.initialPassword);
    expect(r.status).toBe(401);
    expect(strip(r.body)).toEqual(strip((await login("nobody-else", "whatever-pass")).body));
  });

  it("refuses 10 KB passwords, logins with spaces or control characters, and unknown fields with a 400 that changes nothing", async () => {
    const t = await newTenant();
    const a = await newAccount({ districtId: t.district.id }, t.districtKey, { role: "auditor" });
    const before = await directoryState();
    const bad = [
      { login: a.login, password: "x".repeat(10 * 1024) },
      { login: "ganyu admin", password: a.initialPassword },
      { login: ` ${a.login}`, password: a.initialPassword },
      { login: `${a.login}\u0000`, password: a.initialPassword },
      { login: `${a.login}\n`, password: a.initialPassword },
      { login: a.login, password: "" },
      { login: a.login, password: a.initialPassword, role: "platform_admin" },
    ];
    for (const body of bad) {
      const r = await call("/v1/auth/login", {
        key: null,
        body,
        headers: { "cf-connecting-ip": "192.0.2.44" },
      });
      expect({ body: JSON.stringify(body).slice(0, 60), status: r.status }).toEqual({
        body: JSON.stringify(body).slice(0, 60),
        status: 400,
      });
      expect(r.headers.get("content-type")).toContain("application/problem+json");
      expect(r.body.code).toBe("invalid_request");
      expect(r.body.detail).toMatch(/[\u4e00-\u9fff]/);
    }
    const malformed = await call("/v1/auth/login", {
      key: null,
      raw: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect(await directoryState()).toBe(before);
  });

  it("locks an account for 15 minutes after 5 failures: 429 with Retry-After even for the right password", async () => {
    const t = await newTenant();
    const a = await newAccount({ districtId: t.district.id }, t.districtKey, { role: "district_admin" });
    for (let i = 0; i < 5; i++) expect((await login(a.login, `wrong-guess-${i}`)).status).toBe(401);
    const locked = await login(a.login, a.initialPassword);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe("account_locked");
    expect(locked.body.detail).toContain("分钟后再试");
    const retry = Number(locked.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(14 * 60);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    expect(locked.headers.get("set-cookie")).toBeNull();
    const list = await call(`/v1/districts/${t.district.id}/accounts`, { key: t.districtKey });
    expect(list.body.items[0].lockedUntil).not.toBeNull();
    // attempts while locked change nothing
    const before = await directoryState();
    expect((await login(a.login, "another-guess")).status).toBe(429);
    expect(await directoryState()).toBe(before);
    // a reset by the district lifts the lock
    const reset = await call(`/v1/accounts/${a.id}/reset-password`, { key: t.districtKey, method: "POST" });
    expect((await login(a.login, reset.body.initialPassword)).status).toBe(200);
  });

  it("counts a lock that ran out as over (the lock time written into the past)", async () => {
    const t = await newTenant();
    const a = await newAccount({ districtId: t.district.id }, t.districtKey, { role: "auditor" });
    for (let i = 0; i < 5; i++) await login(a.login, `wrong-guess-${i}`);
    expect((await login(a.login, a.initialPassword)).status).toBe(429);
    await env.DIRECTORY.prepare("UPDATE accounts SET locked_until = ? WHERE id = ?")
      .bind(new Date(Date.now() - 1000).toISOString(), a.id)
      .run();
    expect((await login(a.login, a.initialPassword)).status).toBe(200);
  });

  it("ends a session idle for 12 hours and one signed in 7 days ago (rows written old, no waiting)", async () => {
    const t = await newTenant();
    const a = await newAccount({ districtId: t.district.id }, t.districtKey, { role: "auditor" });
    const idle = await signedIn(a, "password-idle-1");
    const old = sessionFrom((await login(a.login, "password-idle-1")).headers)!;
    const live = sessionFrom((await login(a.login, "password-idle-1")).headers)!;
    const hash = async (s: string) =>
      [...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(s)))]
        .map((b) => b.toString(16).padStart(2, "0"))
        .join("");
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
    await env.DIRECTORY.prepare("UPDATE sessions SET seen_at = ? WHERE id_hash = ?")
      .bind(hoursAgo(12), await hash(idle))
      .run();
    await env.DIRECTORY.prepare("UPDATE sessions SET created_at = ?, seen_at = ? WHERE id_hash = ?")
      .bind(hoursAgo(7 * 24), hoursAgo(1), await hash(old))
      .run();
    for (const s of [idle, old]) {
      const r = await call("/v1/auth/me", { session: s });
      expect(r.status).toBe(401);
      expect(r.body.code).toBe("unauthorized");
    }
    expect((await call("/v1/auth/me", { session: live })).status).toBe(200);
  });

  it("moves the idle clock when it is older than five minutes, not on every request", async () => {
    const t = await newTenant();
    const a = await newAccount({ districtId: t.district.id }, t.districtKey, { role: "auditor" });
    const s = await signedIn(a, "password-touch-1");
    const row = () =>
      env.DIRECTORY.prepare(
        "SELECT seen_at FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE a.id = ?",
      )
        .bind(a.id)
        .first<{ seen_at: string }>();
    const first = (await row())!.seen_at;
    await call("/v1/auth/me", { session: s });
    expect((await row())!.seen_at).toBe(first);
    const earlier = new Date(Date.now() - 6 * 60_000).toISOString();
    await env.DIRECTORY.prepare("UPDATE sessions SET seen_at = ? WHERE account_id = ?")
      .bind(earlier, a.id)
      .run();
    await call("/v1/auth/me", { session: s });
    // the touch runs after the response; wait for it by reading until it lands (bounded, no timing)
    let seen = earlier;
    for (let i = 0; i < 50 && seen === earlier; i++) {
      await call("/health", { key: null });
      seen = (await row())!.seen_at;
    }
    expect(seen > earlier).toBe(true);
  });

  it("refuses a tampered or malformed cookie with 401", async () => {
    const t = await newTenant();
    const a = await newAccount({ districtId: t.district.id }, t.districtKey, { role: "auditor" });
    const s = await signedIn(a, "password-tamper-1");
    const flip = (ch: string) => (ch === "A" ? "B" : "A");
    const tampered = `${s.slice(0, -1)}${flip(s.slice(-1))}`;
    for (const cookie of [tampered, "vgs_short", `${s}x`, "", "<script>"]) {
      const r = await call("/v1/auth/me", { session: cookie });
      expect(r.status).toBe(401);
      expect(r.body.code).toBe("unauthorized");
    }
    expect((await call("/v1/auth/me", { session: s })).status).toBe(200);
  });

  it("holds a new password to the policy, in Chinese by default and in English on request", async () => {
    const t = await newTenant();
    const a = await newAccount({ districtId: t.district.id }, t.districtKey, { role: "auditor" });
    const session = sessionFrom((await login(a.login, a.initialPassword)).headers)!;
    const change = (newPassword: string, lang?: string, currentPassword = a.initialPassword) =>
      call("/v1/auth/password", {
        session,
        body: { currentPassword, newPassword },
        headers: lang ? { "accept-language": lang } : {},
      });
    const short = await change("short");
    expect(short.status).toBe(422);
    expect(short.body.errors[0]).toMatchObject({ rule: "password_too_short", message: "密码至少 10 个字符" });
    expect((await change("short", "en")).body.errors[0].message).toBe(
      "A password has at least 10 characters",
    );
    expect((await change(a.login)).body.errors.map((e: { rule: string }) => e.rule)).toContain(
      "password_is_login",
    );
    expect((await change(a.initialPassword)).body.errors[0].rule).toBe("password_unchanged");
    const wrong = await change("a-fine-new-password", undefined, "not-the-current");
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].rule).toBe("current_password_wrong");
    // still one-time, still only allowed the change
    expect((await call("/v1/auth/me", { session })).body.mustChangePassword).toBe(true);
  });

  it("refuses a taken login (409), a member account without a member of the branch (422), and bad fields (400)", async () => {
    const t = await newTenant();
    const a = await newAccount({ districtId: t.district.id }, t.districtKey, { role: "auditor" });
    const dup = await call(`/v1/districts/${t.district.id}/accounts`, {
      key: t.districtKey,
      body: { login: a.login.toUpperCase(), displayName: "重名", role: "auditor" },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.detail).toBe("该账号已被使用");
    const other = await newTenant();
    const stranger = await newMember(other.branch.id, other.branchKey);
    for (const memberId of [undefined, "mb_nobody", stranger.id]) {
      const r = await call(`/v1/branches/${t.branch.id}/accounts`, {
        key: t.branchKey,
        body: {
          login: `m-${Math.random().toString(36).slice(2, 8)}`,
          displayName: "党员",
          role: "member",
          memberId,
        },
      });
      expect(r.status).toBe(422);
      expect(r.body.errors[0].rule).toBe("member_account_names_member");
    }
    for (const body of [
      { login: "a b", displayName: "x", role: "auditor" },
      { login: "fine-login", displayName: "<b>x</b>", role: "auditor" },
      { login: "fine-login", displayName: "x", role: "platform_admin" },
      { login: "fine-login", displayName: "x", role: "auditor", phone: "123" },
    ]) {
      const r = await call(`/v1/districts/${t.district.id}/accounts`, { key: PLATFORM_KEY, body });
      expect(r.status).toBe(400);
    }
  });
});
