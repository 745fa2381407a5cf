import { describe, expect, it } from "vitest";
import { http, idNumber, must, tenant, unique } from "../support/http";

describe("the README walk-through over HTTP", () => {
  it("district → branch → key → member → dues", async () => {
    // a branch keeps records from the day it is created unless told otherwise; a month is judged
    // only if it starts on or after that day, so the walk keeps records from the 1st of this month
    const month = new Date().toISOString().slice(0, 7);
    const firstOfMonth = `${month}-01`;
    const district = await must("POST", "/v1/districts", { body: { code: unique("walk"), name: "演示区" } });
    const { key: districtKey } = await must("POST", `/v1/districts/${district.id}/keys`, {
      body: { role: "district_admin", label: "组织部" },
    });
    const branch = await must("POST", `/v1/districts/${district.id}/branches`, {
      key: districtKey,
      body: {
        name: "经济信息中心党支部",
        kind: "branch",
        foundedOn: "2003-07-01",
        recordsFrom: firstOfMonth,
      },
    });
    const { key: branchKey } = await must("POST", `/v1/branches/${branch.id}/keys`, {
      key: districtKey,
      body: { role: "branch_admin", label: "支部书记" },
    });
    const member = await must("POST", `/v1/branches/${branch.id}/members`, {
      key: branchKey,
      body: {
        name: "肖长青",
        gender: "male",
        birthDate: "1975-04-18",
        status: "full",
        joinedOn: "1998-07-01",
        joinedBranchOn: firstOfMonth,
        idNumber: idNumber("1975-04-18", 1),
      },
    });
    expect(member.idNumber).toMatch(/^\*{14}\w{4}$/);
    const basis = await must("PUT", `/v1/branches/${branch.id}/members/${member.id}/dues-basis`, {
      key: branchKey,
      body: { category: "employed", monthlyIncome: 7200, year: Number(month.slice(0, 4)) },
    });
    expect(basis.monthlyDue).toBe(108);
    await must("POST", `/v1/branches/${branch.id}/dues/payments`, {
      key: branchKey,
      body: { memberId: member.id, month, amount: 108 },
    });
    const dues = await must("GET", `/v1/branches/${branch.id}/dues?month=${month}`, { key: branchKey });
    expect(dues.totals).toEqual({ expected: 108, collected: 108, membersDue: 1, membersPaid: 1 });
    const verdict = await must("GET", `/v1/branches/${branch.id}/events/verify`, { key: districtKey });
    expect(verdict).toMatchObject({ ok: true, length: 3 });
  });

  it("serves health, the merged spec and offline docs", async () => {
    expect((await http("GET", "/health", { key: null })).body).toEqual({ ok: true });
    const spec = await must("GET", "/openapi.json", { key: null });
    expect(spec.paths["/v1/branches/{branchId}/members/import"]).toBeDefined();
    const docs = await http("GET", "/docs", { key: null });
    expect(docs.body).toContain("/vendor/scalar/standalone.js");
    const script = await fetch(`${(await import("../support/http")).base()}/vendor/scalar/standalone.js`);
    expect(script.status).toBe(200);
    expect((await script.text()).length).toBeGreaterThan(100_000);
  });
});

describe("tenancy across shards", () => {
  it("keeps a member created in a district on SHARD_1 invisible to a district on SHARD_0", async () => {
    const a = await tenant(1);
    const b = await tenant(0);
    expect(a.district.shard).toBe(1);
    expect(b.district.shard).toBe(0);
    const m = await must("POST", `/v1/branches/${a.branch.id}/members`, {
      key: a.branchKey,
      body: { name: "分片一", gender: "female", birthDate: "1990-01-01", status: "applicant" },
    });
    for (const key of [b.branchKey, b.districtKey]) {
      expect((await http("GET", `/v1/branches/${a.branch.id}/members/${m.id}`, { key })).status).toBe(404);
      expect((await http("GET", `/v1/branches/${a.branch.id}/members`, { key })).status).toBe(404);
      // the same member id asked of the other tenant's own branch is simply not there
      expect((await http("GET", `/v1/branches/${b.branch.id}/members/${m.id}`, { key })).status).toBe(404);
    }
    expect((await must("GET", `/v1/branches/${b.branch.id}/members`, { key: b.branchKey })).items).toEqual(
      [],
    );
  });

  it("moves a member across districts and shards with a transfer letter", async () => {
    const from = await tenant(0);
    const to = await tenant(1);
    const m = await must("POST", `/v1/branches/${from.branch.id}/members`, {
      key: from.branchKey,
      body: {
        name: "调动者",
        gender: "male",
        birthDate: "1980-05-05",
        status: "full",
        joinedOn: "2005-07-01",
      },
    });
    const letter = await must("POST", `/v1/branches/${from.branch.id}/members/${m.id}/transfers`, {
      key: from.branchKey,
      body: { toBranchId: to.branch.id },
    });
    expect(letter.expiresOn).toBeDefined();
    const accepted = await must("POST", `/v1/transfers/${letter.id}/accept`, { key: to.branchKey });
    expect(accepted.status).toBe("accepted");
    const arrived = await must("GET", `/v1/branches/${to.branch.id}/members/${m.id}`, { key: to.branchKey });
    expect(arrived.districtId).toBe(to.district.id);
  });
});

describe("module workers", () => {
  it("are reached only through the api worker, which strips forged context headers", async () => {
    const t = await tenant(0);
    const forged = await http("GET", `/v1/branches/${t.branch.id}/development/cases`, {
      key: null,
      headers: { "x-vanguard-context": "eyJwcmluY2lwYWwiOnsicm9sZSI6InBsYXRmb3JtX2FkbWluIn19.c2ln" },
    });
    expect(forged.status).toBe(401);
    const other = await tenant(1);
    const outside = await http("GET", `/v1/branches/${t.branch.id}/study/leaderboard`, {
      key: other.branchKey,
    });
    expect(outside.status).toBe(404);
  });
});
