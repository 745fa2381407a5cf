import { describe, expect, it } from "vitest";
import { afterFailure, CLEARED, LOCKOUT, type LockState, lockedFor } from "./lockout";
import { isValidLogin, normalizeLogin } from "./login";
import { checkPassword, PASSWORD_MAX } from "./password-policy";
import { needsTouch, SESSION, sessionMaxAge, sessionState } from "./session-expiry";

const at = (iso: string) => new Date(iso);
const rules = (fs: { rule: string }[]) => fs.map((f) => f.rule);

describe("logins", () => {
  it("take lower-case letters, digits and . _ -, compared without case", () => {
    expect(isValidLogin("ganyu-admin")).toBe(true);
    expect(isValidLogin("Econ.Secretary_2")).toBe(true);
    expect(normalizeLogin("Ganyu-Admin")).toBe("ganyu-admin");
  });

  it("refuse spaces, control characters, other scripts and bad lengths", () => {
    for (const bad of [
      "ganyu admin",
      " ganyu",
      "ganyu\u0000",
      "ganyu\n",
      "甘榆",
      "ab",
      "-lead",
      "x".repeat(65),
    ]) {
      expect(isValidLogin(bad)).toBe(false);
    }
  });
});

describe("password policy", () => {
  it("accepts a long enough password that is neither the login nor the current one", () => {
    expect(checkPassword("春风又绿江南岸-2026", { login: "econ-member", current: "old-password-1" })).toEqual(
      [],
    );
  });

  it("names each rule a password breaks", () => {
    expect(rules(checkPassword("short", { login: "x" }))).toEqual(["password_too_short"]);
    expect(rules(checkPassword("a".repeat(PASSWORD_MAX + 1), { login: "x" }))).toEqual(["password_too_long"]);
    expect(rules(checkPassword("Econ-Member", { login: "econ-member" }))).toEqual(["password_is_login"]);
    expect(rules(checkPassword("same-password-1", { login: "x", current: "same-password-1" }))).toEqual([
      "password_unchanged",
    ]);
    expect(rules(checkPassword("tab\there-password", { login: "x" }))).toEqual([
      "password_control_characters",
    ]);
  });

  it("counts characters as people do", () => {
    // ten Chinese characters are ten characters
    expect(checkPassword("一二三四五六七八九十", { login: "x" })).toEqual([]);
    expect(rules(checkPassword("一二三四五六七八九", { login: "x" }))).toEqual(["password_too_short"]);
  });
});

describe("lockout", () => {
  const start = at("2026-11-01T08:00:00Z");
  const plus = (ms: number) => new Date(start.getTime() + ms);

  it("locks for 15 minutes at the fifth failure within 15 minutes", () => {
    let s: LockState = CLEARED;
    for (let i = 0; i < LOCKOUT.failures - 1; i++) {
      const next = afterFailure(s, plus(i * 60_000));
      expect(next.locked).toBe(false);
      s = next;
    }
    const fifth = afterFailure(s, plus(10 * 60_000));
    expect(fifth.locked).toBe(true);
    expect(lockedFor(fifth, plus(10 * 60_000))).toBe(15 * 60);
    expect(lockedFor(fifth, plus(25 * 60_000 - 1))).toBe(1);
    expect(lockedFor(fifth, plus(25 * 60_000))).toBeNull();
  });

  it("starts a new window when the old one ran out", () => {
    let s: LockState = CLEARED;
    for (let i = 0; i < 4; i++) s = afterFailure(s, plus(i * 1000));
    const late = afterFailure(s, plus(LOCKOUT.windowMs + 1));
    expect(late.locked).toBe(false);
    expect(late.failures).toBe(1);
    expect(late.windowAt).toBe(plus(LOCKOUT.windowMs + 1).toISOString());
  });

  it("is not locked without a lock time", () => {
    expect(lockedFor(CLEARED, start)).toBeNull();
  });
});

describe("session expiry", () => {
  const created = "2026-11-01T08:00:00.000Z";
  const t = (ms: number) => new Date(Date.parse(created) + ms);

  it("lives until 12 hours idle", () => {
    expect(sessionState({ createdAt: created, seenAt: created }, t(SESSION.idleMs - 1))).toBe("live");
    expect(sessionState({ createdAt: created, seenAt: created }, t(SESSION.idleMs))).toBe("idle");
  });

  it("ends 7 days after sign-in however busy", () => {
    const seenAt = t(SESSION.absoluteMs - 60_000).toISOString();
    expect(sessionState({ createdAt: created, seenAt }, t(SESSION.absoluteMs - 1))).toBe("live");
    expect(sessionState({ createdAt: created, seenAt }, t(SESSION.absoluteMs))).toBe("expired");
  });

  it("moves the idle clock at most every 5 minutes", () => {
    expect(needsTouch({ seenAt: created }, t(SESSION.touchEveryMs - 1))).toBe(false);
    expect(needsTouch({ seenAt: created }, t(SESSION.touchEveryMs))).toBe(true);
  });

  it("tells the browser to keep the cookie until the absolute end", () => {
    expect(sessionMaxAge({ createdAt: created }, t(0))).toBe(7 * 24 * 3600);
    expect(sessionMaxAge({ createdAt: created }, t(SESSION.absoluteMs + 5))).toBe(0);
  });
});
