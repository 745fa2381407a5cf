import { beforeAll, describe, expect, it } from "vitest";
import { call, idNumberFor, memberKey, newBranch, newMember, newTenant, type Tenant } from "./harness";

type Scope = "branch" | "district" | "key" | "letter";
interface Route {
  method: string;
  path: (w: World) => string;
  scope: Scope;
  body?: unknown;
  raw?: string;
}

interface World {
  t: Tenant;
  memberId: string;
  keyId: string;
  letterId: string;
}

const csv = "name,gender,birthDate,status\n越权,male,1980-01-01,applicant\n";

/** Every api-owned route that touches a tenant. */
const ROUTES: Route[] = [
  { method: "GET", path: (w) => `/v1/districts/${w.t.district.id}`, scope: "district" },
  {
    method: "POST",
    path: (w) => `/v1/districts/${w.t.district.id}/keys`,
    scope: "district",
    body: { role: "district_admin", label: "x" },
  },
  { method: "GET", path: (w) => `/v1/districts/${w.t.district.id}/branches`, scope: "district" },
  {
    method: "POST",
    path: (w) => `/v1/districts/${w.t.district.id}/branches`,
    scope: "district",
    body: { name: "越权支部", kind: "branch", foundedOn: "2020-01-01" },
  },
  { method: "GET", path: (w) => `/v1/branches/${w.t.branch.id}`, scope: "branch" },
  {
    method: "PATCH",
    path: (w) => `/v1/branches/${w.t.branch.id}`,
    scope: "branch",
    body: { version: 1, name: "改名" },
  },
  {
    method: "POST",
    path: (w) => `/v1/branches/${w.t.branch.id}/keys`,
    scope: "branch",
    body: { role: "branch_admin", label: "x" },
  },
  { method: "GET", path: (w) => `/v1/branches/${w.t.branch.id}/keys`, scope: "branch" },
  {
    method: "PUT",
    path: (w) => `/v1/branches/${w.t.branch.id}/committee`,
    scope: "branch",
    body: { termStart: "2024-01-01", termEnd: "2027-01-01", posts: [] },
  },
  { method: "GET", path: (w) => `/v1/branches/${w.t.branch.id}/committee`, scope: "branch" },
  { method: "GET", path: (w) => `/v1/branches/${w.t.branch.id}/events`, scope: "branch" },
  { method: "GET", path: (w) => `/v1/branches/${w.t.branch.id}/events/verify`, scope: "branch" },
  {
    method: "POST",
    path: (w) => `/v1/branches/${w.t.branch.id}/members`,
    scope: "branch",
    body: {
      name: "越权",
      gender: "male",
      birthDate: "1980-01-01",
      status: "applicant",
      idNumber: idNumberFor("1980-01-01"),
    },
  },
  { method: "GET", path: (w) => `/v1/branches/${w.t.branch.id}/members`, scope: "branch" },
  {
    method: "PATCH",
    path: (w) => `/v1/branches/${w.t.branch.id}/members/${w.memberId}`,
    scope: "branch",
    body: { version: 1, name: "改" },
  },
  { method: "POST", path: (w) => `/v1/branches/${w.t.branch.id}/members/import`, scope: "branch", raw: csv },
  {
    method: "PUT",
    path: (w) => `/v1/branches/${w.t.branch.id}/members/${w.memberId}/dues-basis`,
    scope: "branch",
    body: { category: "employed", monthlyIncome: 1 },
  },
  {
    method: "POST",
    path: (w) => `/v1/branches/${w.t.branch.id}/dues/payments`,
    scope: "branch",
    body: { memberId: "mb_x", month: "2026-01", amount: 1 },
  },
  { method: "GET", path: (w) => `/v1/branches/${w.t.branch.id}/dues`, scope: "branch" },
  {
    method: "POST",
    path: (w) => `/v1/branches/${w.t.branch.id}/dues/import`,
    scope: "branch",
    raw: "姓名,出生日期,月份,金额\n王晓明,1985-03-12,2025-01,10\n",
  },
  {
    method: "PUT",
    path: (w) => `/v1/branches/${w.t.branch.id}/records-from`,
    scope: "branch",
    body: { version: 1, recordsFrom: "2020-01-01", reason: "越权" },
  },
  {
    method: "POST",
    path: (w) => `/v1/branches/${w.t.branch.id}/members/${w.memberId}/transfers`,
    scope: "branch",
    body: { toBranchId: "br_none" },
  },
  { method: "GET", path: (w) => `/v1/branches/${w.t.branch.id}/transfers`, scope: "branch" },
  { method: "DELETE", path: (w) => `/v1/keys/${w.keyId}`, scope: "key" },
  { method: "GET", path: (w) => `/v1/transfers/${w.letterId}`, scope: "letter" },
  { method: "POST", path: (w) => `/v1/transfers/${w.letterId}/accept`, scope: "letter" },
  { method: "POST", path: (w) => `/v1/transfers/${w.letterId}/cancel`, scope: "letter" },
];

type Attacker = "otherBranch" | "otherDistrict" | "otherShard" | "member" | "auditor";

/** What each attacker must get: nothing of another tenant exists; inside scope, a weak role is refused. */
function expected(attacker: Attacker, r: Route): number[] {
  if (attacker === "otherBranch" || attacker === "otherDistrict" || attacker === "otherShard") return [404];
  if (attacker === "member") return r.scope === "district" ? [404] : [403];
  return r.method === "GET" ? [200] : [403];
}

async function snapshot(w: World) {
  const k = w.t.districtKey;
  const [events, branches, keys, members, letter, district] = await Promise.all([
    call(`/v1/branches/${w.t.branch.id}/events/verify`, { key: k }),
    call(`/v1/districts/${w.t.district.id}/branches`, { key: k }),
    call(`/v1/branches/${w.t.branch.id}/keys`, { key: k }),
    call(`/v1/branches/${w.t.branch.id}/members?includeLeft=true`, { key: k }),
    call(`/v1/transfers/${w.letterId}`, { key: k }),
    call(`/v1/districts/${w.t.district.id}`),
  ]);
  return JSON.stringify([events.body, branches.body, keys.body, members.body, letter.body, district.body]);
}

describe("tenant isolation matrix", () => {
  let w: World;
  const keys = {} as Record<Attacker, string>;

  beforeAll(async () => {
    const t = await newTenant({ shard: 0 });
    const m = await newMember(t.branch.id, t.branchKey);
    const receiver = await newTenant({ shard: 1 });
    const letter = await call(`/v1/branches/${t.branch.id}/members/${m.id}/transfers`, {
      key: t.branchKey,
      body: { toBranchId: receiver.branch.id },
    });
    const extraKey = await call(`/v1/branches/${t.branch.id}/keys`, {
      key: t.districtKey,
      body: { role: "branch_admin", label: "spare" },
    });
    w = { t, memberId: m.id, keyId: extraKey.body.id, letterId: letter.body.id };

    const sibling = await newBranch(t.district.id, t.districtKey);
    keys.otherBranch = (
      await call(`/v1/branches/${sibling.id}/keys`, {
        key: t.districtKey,
        body: { role: "branch_admin", label: "邻" },
      })
    ).body.key;
    keys.otherDistrict = (await newTenant({ shard: 0 })).districtKey;
    keys.otherShard = (await newTenant({ shard: 1 })).branchKey;
    keys.member = await memberKey(t.branch.id, m.id, t.branchKey);
    keys.auditor = t.auditorKey;
  });

  for (const attacker of ["otherBranch", "otherDistrict", "otherShard", "member", "auditor"] as Attacker[]) {
    it(`refuses a ${attacker} key on every route and changes nothing`, async () => {
      const before = await snapshot(w);
      const outcomes: string[] = [];
      for (const r of ROUTES) {
        const reply = await call(r.path(w), {
          method: r.method,
          key: keys[attacker],
          body: r.body,
          raw: r.raw,
          headers: r.raw ? { "content-type": "text/csv" } : undefined,
        });
        const want = expected(attacker, r);
        if (!want.includes(reply.status))
          outcomes.push(`${r.method} ${r.path(w)} → ${reply.status}, wanted ${want}`);
        if (reply.status >= 400)
          expect(reply.headers.get("content-type")).toContain("application/problem+json");
      }
      expect(outcomes).toEqual([]);
      expect(await snapshot(w)).toBe(before);
    });
  }
});
