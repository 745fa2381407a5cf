import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, newMember, newTenant, type Tenant } from "./harness";
import { manyBranches } from "./harness.reports";

// biome-ignore lint/suspicious/noExplicitAny: test replies are read field by field
type Json = any;

const url = (t: Tenant) => `/v1/reports/compliance?districtId=${t.district.id}&period=2025-Q3`;
const report = (t: Tenant) => call<Json>(url(t), { key: t.districtKey });
const queries = (r: { headers: Headers }) => Number(r.headers.get("x-d1-queries"));
const mine = (r: Json, t: Tenant) => r.body.items.find((i: Json) => i.branchId === t.branch.id);

/** A member on the roll since before the quarter, owing three months of dues. */
async function owingMember(t: Tenant) {
  const m = await newMember(t.branch.id, t.branchKey, { idNumber: null });
  const basis = await call(`/v1/branches/${t.branch.id}/members/${m.id}/dues-basis`, {
    method: "PUT",
    key: t.branchKey,
    body: { year: 2025, category: "employed", monthlyIncome: 8000 },
  });
  expect(basis.status).toBe(200);
  return m;
}

describe("a kept compliance report", () => {
  it("answers a repeated request with the same bytes, reading only the districts' write counts", async () => {
    const t = await newTenant();
    await manyBranches(t.district.id, 3);
    await owingMember(t);
    const first = await report(t);
    expect(first.status).toBe(200);
    const again = await report(t);
    expect(again.status).toBe(200);
    // the very answer, generatedAt included: nothing was computed again
    expect(again.body).toEqual(first.body);
    expect(again.body.items).toHaveLength(4);
    // one count read in the directory and one in the district's shard, besides the caller's key
    expect(queries(again)).toBeLessThanOrEqual(3);
    expect(queries(again)).toBeLessThan(queries(first) - 5);
  });

  it("reads as many rows for forty branches as for one", async () => {
    const keptRows = async (t: Tenant) => {
      expect((await report(t)).status).toBe(200);
      const kept = await report(t);
      return { rows: Number(kept.headers.get("x-d1-rows-read")), branches: kept.body.items.length };
    };
    const one = await newTenant();
    const many = await newTenant();
    await manyBranches(many.district.id, 40);
    const [a, b] = [await keptRows(one), await keptRows(many)];
    expect([a.branches, b.branches]).toEqual([1, 41]);
    expect(b.rows).toBe(a.rows);
  });

  it("is sent gzip-compressed to a client that accepts it, and is the same answer", async () => {
    const t = await newTenant();
    await owingMember(t);
    const plain = await report(t);
    const res = await exports.default.fetch(
      new Request(`https://vanguard.test${url(t)}`, {
        headers: { authorization: `Bearer ${t.districtKey}`, "accept-encoding": "gzip, deflate, br" },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("vary")).toContain("Accept-Encoding");
    expect(res.headers.get("content-type")).toContain("application/json");
    // a fetch from inside the runtime hands the body over decompressed (the e2e test reads the bytes)
    expect(await res.json()).toEqual(plain.body);
  });

  it("is computed again after any write to one of its branches", async () => {
    const t = await newTenant();
    const m = await owingMember(t);
    const before = await report(t);
    expect(mine(before, t).dues).toEqual({ due: 3, paid: 0, rate: 0 });
    expect(mine(await report(t), t).dues).toEqual({ due: 3, paid: 0, rate: 0 });
    const pay = await call(`/v1/branches/${t.branch.id}/dues/payments`, {
      key: t.branchKey,
      body: { memberId: m.id, month: "2025-09", amount: 120, paidOn: "2025-09-10" },
    });
    expect(pay.status).toBe(201);
    const after = await report(t);
    expect(mine(after, t).dues).toEqual({ due: 3, paid: 1, rate: 0.3333 });
    expect(after.body.generatedAt > before.body.generatedAt).toBe(true);
  });

  it("is computed again after a change in the directory: a new branch is listed at once", async () => {
    const t = await newTenant();
    const before = await report(t);
    expect(before.body.items).toHaveLength(1);
    const made = await call(`/v1/districts/${t.district.id}/branches`, {
      key: t.districtKey,
      body: { name: "新成立支部", kind: "branch", foundedOn: "2020-07-01", recordsFrom: "2020-07-01" },
    });
    expect(made.status).toBe(201);
    const after = await report(t);
    expect(after.body.items.map((i: Json) => i.branchName)).toContain("新成立支部");
  });

  it("stays current when another district is written to", async () => {
    const [t, other] = [await newTenant(), await newTenant()];
    await owingMember(t);
    const first = await report(t);
    await owingMember(other);
    const again = await report(t);
    expect(again.body).toEqual(first.body);
    expect(queries(again)).toBeLessThanOrEqual(3);
  });

  it("is kept per language: an English request gets English labels, not the Chinese answer", async () => {
    const t = await newTenant();
    const zh = await report(t);
    const en = await call<Json>(url(t), { key: t.districtKey, headers: { "accept-language": "en" } });
    expect(en.status).toBe(200);
    const label = (r: Json) => mine(r, t).meetings?.missing?.[0]?.label;
    expect(label(zh)).toMatch(/[\u4e00-\u9fff]/);
    expect(label(en)).toMatch(/^[A-Za-z]/);
    expect(en.headers.get("content-language")).toBe("en");
  });

  it("is never given to a caller outside its district", async () => {
    const [t, other] = [await newTenant(), await newTenant()];
    expect((await report(t)).status).toBe(200);
    const refused = await call(url(t), { key: other.districtKey });
    expect(refused.status).toBe(404);
    const branchKey = await call(url(t), { key: t.branchKey });
    expect(branchKey.status).toBe(403);
  });
});
