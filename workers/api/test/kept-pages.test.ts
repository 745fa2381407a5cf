import { describe, expect, it } from "vitest";
import { call, newMember, newTenant, type Tenant } from "./harness";

// biome-ignore lint/suspicious/noExplicitAny: test replies are read field by field
type Json = any;

const queries = (r: { headers: Headers }) => Number(r.headers.get("x-d1-queries"));
const page = (t: Tenant, path: string, opts: { key?: string; lang?: string } = {}) =>
  call<Json>(`/v1/branches/${t.branch.id}${path}`, {
    key: opts.key ?? t.branchKey,
    headers: opts.lang ? { "accept-language": opts.lang } : {},
  });

/** A branch with two party members behind with their dues. */
async function branchWithRoll() {
  const t = await newTenant();
  for (const name of ["甲", "乙"])
    await newMember(t.branch.id, t.branchKey, { name, idNumber: null, joinedOn: "2015-07-01" });
  return t;
}

describe("kept branch pages (the home page, a month of dues, the roll)", () => {
  it("answer a repeat with the same bytes after reading the district's write count alone", async () => {
    const t = await branchWithRoll();
    for (const path of ["/today", "/dues?limit=50"]) {
      const first = await page(t, path);
      const again = await page(t, path);
      expect([first.status, again.status]).toEqual([200, 200]);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get("content-type")).toContain("application/json");
      // the page's own statements are gone: the key, the branch and the rules (no auth cache in
      // these tests) and the count remain
      expect(queries(again)).toBeLessThan(queries(first) - 3);
    }
  });

  it("stay kept while another district is written to, and are computed again after a write to theirs", async () => {
    const t = await branchWithRoll();
    const other = await branchWithRoll();
    const first = await page(t, "/dues?limit=50");
    await newMember(other.branch.id, other.branchKey, { name: "丙", idNumber: null });
    const kept = await page(t, "/dues?limit=50");
    expect(queries(kept)).toBeLessThan(queries(first) - 3);
    expect(kept.body).toEqual(first.body);
    // a new branch is a directory write that this page does not show: still kept
    const made = await call<Json>(`/v1/districts/${t.district.id}/branches`, {
      key: t.districtKey,
      body: { name: "第二支部", kind: "branch", foundedOn: "2020-07-01" },
    });
    expect(made.status).toBe(201);
    expect(queries(await page(t, "/dues?limit=50"))).toBe(queries(kept));
    // a member of the district's other branch is a write to the district's data: computed again
    await newMember(made.body.id, t.districtKey, { name: "戊", idNumber: null });
    const recomputed = await page(t, "/dues?limit=50");
    expect(queries(recomputed)).toBe(queries(first));
    expect(recomputed.body).toEqual(first.body);
    // and a member of this branch shows at once
    const m = await newMember(t.branch.id, t.branchKey, {
      name: "丁",
      idNumber: null,
      joinedOn: "2015-07-01",
    });
    const after = await page(t, "/dues?limit=50");
    expect(after.body.items.map((i: Json) => i.memberId)).toContain(m.id);
    expect(after.body.items).toHaveLength(first.body.items.length + 1);
  });

  it("keep each language, month and page size apart", async () => {
    const t = await branchWithRoll();
    const zh = await page(t, "/today");
    const en = await page(t, "/today", { lang: "en" });
    expect(zh.headers.get("content-language")).toBe("zh-CN");
    expect(en.headers.get("content-language")).toBe("en");
    expect(queries(en)).toBe(queries(zh));
    const month = zh.body.month as string;
    const [y, m] = month.split("-").map(Number);
    const earlier = `${m === 1 ? y! - 1 : y}-${String(m === 1 ? 12 : m! - 1).padStart(2, "0")}`;
    const now = await page(t, `/dues?limit=50&month=${month}`);
    const before = await page(t, `/dues?limit=50&month=${earlier}`);
    expect([now.body.month, before.body.month]).toEqual([month, earlier]);
    const one = await page(t, `/dues?limit=1&month=${month}`);
    expect(one.body.items).toHaveLength(1);
    expect(one.body.nextCursor).not.toBeNull();
  });

  it("keep the roll apart for each reader's role: an auditor never gets the page kept for an admin", async () => {
    const t = await branchWithRoll();
    const admin = await page(t, "/members?limit=50");
    expect(admin.body.items.every((m: Json) => typeof m.birthDate === "string")).toBe(true);
    expect(queries(await page(t, "/members?limit=50"))).toBeLessThan(queries(admin));
    const auditor = await page(t, "/members?limit=50", { key: t.auditorKey });
    expect(auditor.status).toBe(200);
    expect(auditor.body.items.map((m: Json) => m.id)).toEqual(admin.body.items.map((m: Json) => m.id));
    expect(auditor.body.items.every((m: Json) => m.birthDate === null)).toBe(true);
    // a new member is on the roll at once, for both
    const m = await newMember(t.branch.id, t.branchKey, { name: "己", idNumber: null });
    for (const key of [t.branchKey, t.auditorKey]) {
      const after = await page(t, "/members?limit=50", { key });
      expect(after.body.items.map((i: Json) => i.id)).toContain(m.id);
    }
  });

  it("are never read past the caller's scope", async () => {
    const t = await branchWithRoll();
    const other = await newTenant();
    expect((await page(t, "/today")).status).toBe(200);
    expect((await page(t, "/dues?limit=50")).status).toBe(200);
    expect((await page(t, "/members?limit=50")).status).toBe(200);
    for (const path of ["/today", "/dues?limit=50", "/members?limit=50"]) {
      const outside = await page(t, path, { key: other.branchKey });
      expect(outside.status).toBe(404);
      expect(outside.headers.get("content-type")).toContain("application/problem+json");
      expect((await page(t, path, { key: other.districtKey })).status).toBe(404);
    }
  });
});
