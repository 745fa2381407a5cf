import { describe, expect, it } from "vitest";
import { call, memberKey, newMember, newTenant } from "./harness";

describe("who may read reports", () => {
  it("refuses a request without a key", async () => {
    expect((await call("/v1/reports/compliance", { key: null })).status).toBe(401);
  });

  it("refuses branch and member keys (403), whichever district they name", async () => {
    const t = await newTenant();
    const m = await newMember(t.branch.id, t.branchKey);
    const mk = await memberKey(t.branch.id, m.id, t.branchKey);
    for (const key of [t.branchKey, mk]) {
      for (const path of ["compliance", "development", "study", "trends"]) {
        const r = await call(`/v1/reports/${path}?districtId=${t.district.id}`, { key });
        expect(r.status, path).toBe(403);
        expect(r.headers.get("content-type")).toContain("application/problem+json");
      }
    }
  });

  it("keeps a district admin and an auditor inside their districts (404 outside)", async () => {
    const a = await newTenant({ shard: 0 });
    const b = await newTenant({ shard: 1 });
    for (const key of [a.districtKey, a.auditorKey]) {
      expect((await call(`/v1/reports/compliance?districtId=${b.district.id}`, { key })).status).toBe(404);
      expect((await call(`/v1/reports/trends?branchId=${b.branch.id}`, { key })).status).toBe(404);
      const mine = await call("/v1/reports/compliance", { key });
      expect(mine.status).toBe(200);
      expect(mine.body.districts.map((d: { id: string }) => d.id)).toEqual([a.district.id]);
      expect(mine.body.items.map((i: { branchId: string }) => i.branchId)).toEqual([a.branch.id]);
    }
    expect((await call("/v1/reports/compliance?districtId=dt_00000000000000000000000000")).status).toBe(404);
  });

  it("names the field of a bad query (400)", async () => {
    const t = await newTenant();
    const cases: [string, string][] = [
      [`/v1/reports/compliance?districtId=${t.district.id}&period=2025-Q5`, "period"],
      [`/v1/reports/development?districtId=${t.district.id}&year=twenty`, "year"],
      [`/v1/reports/study?districtId=${t.district.id}&month=2025-13`, "month"],
      [`/v1/reports/trends?districtId=${t.district.id}&months=99`, "months"],
    ];
    for (const [path, field] of cases) {
      const r = await call(path, { key: t.districtKey });
      expect(r.status, path).toBe(400);
      expect(r.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    }
  });
});
