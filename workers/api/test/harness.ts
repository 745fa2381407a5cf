import { exports } from "cloudflare:workers";
import { checkCharacter } from "@vanguard/domain";

export const PLATFORM_KEY = "vgk_test_platform_admin";
export const ORIGIN = "https://vanguard.test";

export interface Call {
  method?: string;
  key?: string | null;
  body?: unknown;
  /** a raw body sent as is (with its own content type) */
  raw?: BodyInit;
  headers?: Record<string, string>;
  /** a session id: sent as the vg_session cookie instead of a key, with this site's Origin */
  session?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: test replies are read field by field
type Json = any;

export interface Reply<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

/** Calls the api worker exactly as a client would, through its fetch handler. */
export async function call<T = Json>(path: string, opts: Call = {}): Promise<Reply<T>> {
  const headers = new Headers(opts.headers);
  if (opts.session !== undefined) {
    headers.set("cookie", `vg_session=${opts.session}`);
    if (!headers.has("origin")) headers.set("origin", ORIGIN);
  } else if (opts.key !== null) headers.set("authorization", `Bearer ${opts.key ?? PLATFORM_KEY}`);
  let body: BodyInit | undefined = opts.raw;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const res = await exports.default.fetch(
    new Request(`${ORIGIN}${path}`, {
      method: opts.method ?? (body ? "POST" : "GET"),
      headers,
      body,
    }),
  );
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (CSV, HTML)
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/**
 * Sequence numbers for identity numbers nobody asked a particular one of: distinct within a test
 * file (the platform-wide register of persons refuses a second member with the same number), from a
 * random start so files do not all begin alike.
 */
let nextSeq = Math.floor(Math.random() * 1000);

/** A valid resident identity number for a birth date (GB 11643 check character). */
/** The body as bytes, decoded without dropping the BOM (`Response.text()` would strip it). */
export async function asCsv(path: string, key: string, lang = "zh-CN") {
  const res = await exports.default.fetch(
    new Request(`${ORIGIN}${path}`, {
      headers: { authorization: `Bearer ${key}`, accept: "text/csv", "accept-language": lang },
    }),
  );
  const bytes = new Uint8Array(await res.arrayBuffer());
  return {
    status: res.status,
    headers: res.headers,
    bytes,
    body: new TextDecoder("utf-8", { ignoreBOM: true, fatal: true }).decode(bytes),
  };
}

export function idNumberFor(birthDate: string, seq = nextSeq++ % 1000): string {
  const first17 = `320707${birthDate.replaceAll("-", "")}${String(seq).padStart(3, "0")}`;
  return first17 + checkCharacter(first17);
}

export interface Tenant {
  district: { id: string; shard: number };
  districtKey: string;
  auditorKey: string;
  branch: { id: string };
  branchKey: string;
}

async function ok<T>(r: Promise<Reply<T>>, status = 201): Promise<T> {
  const reply = await r;
  if (reply.status !== status)
    throw new Error(`expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** A fresh district on the chosen shard, with its keys, one branch and that branch's admin key. */
export async function newTenant(opts: { shard?: number } = {}): Promise<Tenant> {
  const district = await ok(
    call("/v1/districts", { body: { code: `d-${unique()}`, name: "测试区", shard: opts.shard } }),
  );
  const districtKey = (
    await ok(
      call(`/v1/districts/${district.id}/keys`, { body: { role: "district_admin", label: "区委组织部" } }),
    )
  ).key;
  const auditorKey = (
    await ok(call(`/v1/districts/${district.id}/keys`, { body: { role: "auditor", label: "审计" } }))
  ).key;
  const branch = await newBranch(district.id, districtKey);
  const branchKey = (
    await ok(
      call(`/v1/branches/${branch.id}/keys`, {
        key: districtKey,
        body: { role: "branch_admin", label: "书记" },
      }),
    )
  ).key;
  return { district, districtKey, auditorKey, branch, branchKey };
}

/** A branch on record since 2010 (unless `recordsFrom` says otherwise): every past month is judged. */
export function newBranch(
  districtId: string,
  districtKey: string,
  name = `支部-${unique()}`,
  recordsFrom = "2010-07-01",
) {
  return ok<{ id: string; districtId: string; recordsFrom: string; version: number }>(
    call(`/v1/districts/${districtId}/branches`, {
      key: districtKey,
      body: { name, kind: "branch", foundedOn: "2010-07-01", recordsFrom },
    }),
  );
}

export interface MemberInput {
  name?: string;
  gender?: "male" | "female";
  birthDate?: string;
  status?: string;
  joinedOn?: string | null;
  joinedBranchOn?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  education?: string | null;
}

export function newMember(branchId: string, key: string, m: MemberInput = {}) {
  const birthDate = m.birthDate ?? "1985-03-12";
  return ok<{ id: string; version: number; idNumber: string | null; phone: string | null }>(
    call(`/v1/branches/${branchId}/members`, {
      key,
      body: {
        name: "王晓明",
        gender: "male",
        status: "full",
        joinedOn: "2010-07-01",
        // on the roll since the branch's records began, unless a test says otherwise
        joinedBranchOn: "2010-07-01",
        idNumber: idNumberFor(birthDate),
        phone: "13812345678",
        education: "大学本科",
        ...m,
        birthDate,
      },
    }),
  );
}

export function memberKey(branchId: string, memberId: string, adminKey: string) {
  return ok<{ key: string }>(
    call(`/v1/branches/${branchId}/keys`, {
      key: adminKey,
      body: { role: "member", memberId, label: "党员" },
    }),
  ).then((r) => r.key);
}

export async function eventCount(branchId: string, key: string): Promise<number> {
  const r = await call<{ length: number }>(`/v1/branches/${branchId}/events/verify`, { key });
  return r.body.length;
}

let address = 0;

/** A client address of its own for each sign-in, so the per-address sign-in limit is not what a test meets. */
export function freshAddress(): string {
  address += 1;
  return `198.51.100.${address % 250}:${Date.now().toString(36)}${address}`;
}

export interface Issued {
  id: string;
  login: string;
  initialPassword: string;
}

/** An account made through the API (district- or branch-level), with its one-time password. */
export async function newAccount(
  where: { districtId: string } | { branchId: string },
  key: string,
  body: { role: string; memberId?: string; login?: string; displayName?: string },
): Promise<Issued> {
  const path =
    "districtId" in where
      ? `/v1/districts/${where.districtId}/accounts`
      : `/v1/branches/${where.branchId}/accounts`;
  return ok<Issued>(call(path, { key, body: { login: `u-${unique()}`, displayName: "测试用户", ...body } }));
}

/** The session id a Set-Cookie header carries. */
export function sessionFrom(headers: Headers): string | undefined {
  return /vg_session=([^;]*)/.exec(headers.get("set-cookie") ?? "")?.[1] || undefined;
}

export function login(loginName: string, password: string, headers: Record<string, string> = {}) {
  return call("/v1/auth/login", {
    key: null,
    body: { login: loginName, password },
    headers: { "cf-connecting-ip": freshAddress(), ...headers },
  });
}

/** Signs in with the one-time password and changes it: a session ready for any route. */
export async function signedIn(a: Issued, newPassword = "新的密码-correct-horse"): Promise<string> {
  const first = await login(a.login, a.initialPassword);
  const session = sessionFrom(first.headers);
  if (first.status !== 200 || !session)
    throw new Error(`sign-in failed: ${first.status} ${JSON.stringify(first.body)}`);
  const changed = await call("/v1/auth/password", {
    session,
    body: { currentPassword: a.initialPassword, newPassword },
  });
  if (changed.status !== 200)
    throw new Error(`password change failed: ${changed.status} ${JSON.stringify(changed.body)}`);
  return session;
}
