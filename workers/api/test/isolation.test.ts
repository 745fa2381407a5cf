import { beforeAll, describe, expect, it } from "vitest";
import {
  call,
  idNumberFor,
  memberKey,
  newAccount,
  newBranch,
  newMember,
  newTenant,
  signedIn,
  type Tenant,
} from "./harness";

type Scope = "branch" | "district" | "key" | "letter" | "account";
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
  accountId: string;
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
  {
    method: "POST",
    path: (w) => `/v1/districts/${w.t.district.id}/accounts`,
    scope: "district",
    body: { login: "intruder-district", displayName: "越权", role: "district_admin" },
  },
  { method: "GET", path: (w) => `/v1/districts/${w.t.district.id}/accounts`, scope: "district" },
  {
    method: "POST",
    path: (w) => `/v1/branches/${w.t.branch.id}/accounts`,
    scope: "branch",
    body: { login: "intruder-branch", displayName: "越权", role: "branch_admin" },
  },
  { method: "GET", path: (w) => `/v1/branches/${w.t.branch.id}/accounts`, scope: "branch" },
  { method: "POST", path: (w) => `/v1/accounts/${w.accountId}/reset-password`, scope: "account" },
  { method: "DELETE", path: (w) => `/v1/accounts/${w.accountId}`, scope: "account" },
  { method: "POST", path: (w) => `/v1/transfers/${w.letterId}/accept`, scope: "letter" },
  { method: "POST", path: (w) => `/v1/transfers/${w.letterId}/cancel`, scope: "letter" },
];

type KeyAttacker = "otherBranch" | "otherDistrict" | "otherShard" | "otherAuditor" | "member" | "auditor";
/** People signed in with a session: the same roles and scopes as the keys above, through the cookie. */
type SessionAttacker =
  | "sessionOtherBranch"
  | "sessionOtherDistrict"
  | "sessionOtherAuditor"
  | "sessionMember";
type Attacker = KeyAttacker | SessionAttacker;

const AS_KEY: Record<SessionAttacker, KeyAttacker> = {
  sessionOtherBranch: "otherBranch",
  sessionOtherDistrict: "otherDistrict",
  sessionOtherAuditor: "otherAuditor",
  sessionMember: "member",
};

/** What each attacker must get: nothing of another tenant exists; inside scope, a weak role is refused. */
function expected(attacker: Attacker, r: Route): number[] {
  const a = attacker in AS_KEY ? AS_KEY[attacker as SessionAttacker] : (attacker as KeyAttacker);
  if (a === "otherBranch" || a === "otherDistrict" || a === "otherShard" || a === "otherAuditor")
    return [404];
  if (a === "member") return r.scope === "district" ? [404] : [403];
  return r.method === "GET" ? [200] : [403];
}

async function snapshot(w: World) {
  const k = w.t.districtKey;
  const [events, branches, keys, members, letter, district, branchAccounts, districtAccounts] =
    await Promise.all([
      call(`/v1/branches/${w.t.branch.id}/events/verify`, { key: k }),
      call(`/v1/districts/${w.t.district.id}/branches`, { key: k }),
      call(`/v1/branches/${w.t.branch.id}/keys`, { key: k }),
      call(`/v1/branches/${w.t.branch.id}/members?includeLeft=true`, { key: k }),
      call(`/v1/transfers/${w.letterId}`, { key: k }),
      call(`/v1/districts/${w.t.district.id}`),
      call(`/v1/branches/${w.t.branch.id}/accounts`, { key: k }),
      call(`/v1/districts/${w.t.district.id}/accounts`, { key: k }),
    ]);
  return JSON.stringify([
    events.body,
    branches.body,
    keys.body,
    members.body,
    letter.body,
    district.body,
    branchAccounts.body,
    districtAccounts.body,
  ]);
}

describe("tenant isolation matrix", () => {
  let w: World;
  const keys = {} as Record<KeyAttacker, string>;
  const sessions = {} as Record<SessionAttacker, string>;

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
    const spare = await newAccount({ branchId: t.branch.id }, t.districtKey, { role: "branch_admin" });
    w = { t, memberId: m.id, keyId: extraKey.body.id, letterId: letter.body.id, accountId: spare.id };

    const sibling = await newBranch(t.district.id, t.districtKey);
    keys.otherBranch = (
      await call(`/v1/branches/${sibling.id}/keys`, {
        key: t.districtKey,
        body: { role: "branch_admin", label: "邻" },
      })
    ).body.key;
    const otherDistrict = await newTenant({ shard: 0 });
    keys.otherDistrict = otherDistrict.districtKey;
    keys.otherAuditor = otherDistrict.auditorKey;
    keys.otherShard = (await newTenant({ shard: 1 })).branchKey;
    keys.member = await memberKey(t.branch.id, m.id, t.branchKey);
    keys.auditor = t.auditorKey;

    const person = (
      where: Parameters<typeof newAccount>[0],
      key: string,
      body: Parameters<typeof newAccount>[2],
    ) => newAccount(where, key, body).then((a) => signedIn(a));
    sessions.sessionOtherBranch = await person({ branchId: sibling.id }, t.districtKey, {
      role: "branch_admin",
    });
    sessions.sessionOtherDistrict = await person(
      { districtId: otherDistrict.district.id },
      otherDistrict.districtKey,
      {
        role: "district_admin",
      },
    );
    sessions.sessionOtherAuditor = await person(
      { districtId: otherDistrict.district.id },
      otherDistrict.districtKey,
      {
        role: "auditor",
      },
    );
    sessions.sessionMember = await person({ branchId: t.branch.id }, t.branchKey, {
      role: "member",
      memberId: m.id,
    });
  });

  const attackers: Attacker[] = [
    "otherBranch",
    "otherDistrict",
    "otherShard",
    "otherAuditor",
    "member",
    "auditor",
    "sessionOtherBranch",
    "sessionOtherDistrict",
    "sessionOtherAuditor",
    "sessionMember",
  ];
  for (const attacker of attackers) {
    it(`refuses ${attacker.startsWith("session") ? "a session of" : "a key of"} ${attacker} on every route and changes nothing`, async () => {
      const before = await snapshot(w);
      const outcomes: string[] = [];
      for (const r of ROUTES) {
        const credential =
          attacker in AS_KEY
            ? { session: sessions[attacker as SessionAttacker] }
            : { key: keys[attacker as KeyAttacker] };
        const reply = await call(r.path(w), {
          method: r.method,
          ...credential,
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
