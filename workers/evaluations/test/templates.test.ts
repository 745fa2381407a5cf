import { describe, expect, it } from "vitest";
import { branchWithCommittee, DEFAULT_ITEMS, lastQuarter, templateIn, thisQuarter } from "./harness";

describe("inspection templates", () => {
  it("are defined by the district, versioned, and readable by its branches", async () => {
    const t = await branchWithCommittee();
    const created = await t.call(`${t.d}/inspection-templates`, {
      role: "district_admin",
      body: { name: "党支部季度检查表", items: DEFAULT_ITEMS },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "党支部季度检查表", version: 1, maxTotal: 100 });
    expect(created.body.items[5]).toEqual({
      code: "records",
      title: "档案写实",
      maxScore: 10,
      ownerPost: null,
    });

    const revised = await t.call(`${t.d}/inspection-templates/${created.body.id}`, {
      role: "district_admin",
      method: "PUT",
      body: { name: "党支部季度检查表（修订）", items: DEFAULT_ITEMS.slice(0, 3), version: 1 },
    });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ id: created.body.id, version: 2, maxTotal: 70 });

    const stale = await t.call(`${t.d}/inspection-templates/${created.body.id}`, {
      role: "district_admin",
      method: "PUT",
      body: { name: "过期修订", items: DEFAULT_ITEMS, version: 1 },
    });
    expect(stale.status).toBe(409);

    const v1 = await t.call(`${t.d}/inspection-templates/${created.body.id}?version=1`, { role: "auditor" });
    expect(v1.body.items).toHaveLength(6);
    const latest = await t.call(`${t.d}/inspection-templates`, { role: "district_admin" });
    expect(latest.body.items.map((x: { version: number }) => x.version)).toEqual([2]);
    const fromBranch = await t.call(`${t.b}/inspections/templates`);
    expect(fromBranch.status).toBe(200);
    expect(fromBranch.body.items[0]).toMatchObject({ id: created.body.id, version: 2 });
  });

  it("refuse duplicate codes (422), bad fields (400) and roles that may not define them (403)", async () => {
    const t = await branchWithCommittee();
    const dup = await t.call(`${t.d}/inspection-templates`, {
      role: "district_admin",
      body: { name: "重复", items: [DEFAULT_ITEMS[0], DEFAULT_ITEMS[0]] },
    });
    expect(dup.status).toBe(422);
    expect(dup.body.errors[0]).toMatchObject({
      rule: "template_duplicate_code",
      facts: { codes: ["organization"] },
    });

    const bad = await t.call(`${t.d}/inspection-templates`, {
      role: "district_admin",
      body: { name: "坏", items: [{ code: "Bad Code", title: "x", maxScore: -1, ownerPost: "chairman" }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect([...new Set(bad.body.errors.map((e: { path: string }) => e.path))].sort()).toEqual([
      "items.0.code",
      "items.0.maxScore",
      "items.0.ownerPost",
    ]);

    // (through the api worker a branch admin never reaches a district path: 404 there)
    for (const role of ["auditor", "branch_admin", "member"] as const) {
      const res = await t.call(`${t.d}/inspection-templates`, {
        role,
        body: { name: "越权", items: DEFAULT_ITEMS },
      });
      expect(res.status).toBe(403);
    }
    const none = await t.call(`${t.d}/inspection-templates`, { role: "district_admin" });
    expect(none.body.items).toEqual([]);
    await templateIn(t);
  });

  it("can be retired: what was made on them stays, nothing new starts from them", async () => {
    const t = await branchWithCommittee();
    const old = await templateIn(t);
    const next = await templateIn(t);
    const opened = await t.call(`${t.b}/inspections`, {
      body: { templateId: old.id, period: lastQuarter() },
    });
    expect(opened.status).toBe(201);

    const asBranch = await t.call(`${t.d}/inspection-templates/${old.id}/retire`, {
      role: "branch_admin",
      body: { reason: "自行停用" },
    });
    expect(asBranch.status).toBe(403);
    const retired = await t.call(`${t.d}/inspection-templates/${old.id}/retire`, {
      role: "district_admin",
      body: { reason: "已由新版检查表替代" },
    });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ id: old.id, retiredAt: expect.any(String) });
    // refusals below write nothing, on the branch's chain or the district's
    const logged = async () =>
      (await t.tc.shard.d1
        .prepare("SELECT count(*) AS n FROM events WHERE scope_id IN (?, ?)")
        .bind(t.ref.branchId, t.ref.districtId)
        .first<{ n: number }>())!.n;
    const events = await logged();

    const again = await t.call(`${t.d}/inspection-templates/${old.id}/retire`, {
      role: "district_admin",
      body: { reason: "再次停用" },
    });
    expect(again.status).toBe(422);
    expect(again.body.errors[0].rule).toBe("template_retired");
    const revised = await t.call(`${t.d}/inspection-templates/${old.id}`, {
      role: "district_admin",
      method: "PUT",
      body: { name: "复用", items: DEFAULT_ITEMS, version: 1 },
    });
    expect(revised.status).toBe(422);
    const startFromRetired = await t.call(`${t.b}/inspections`, {
      body: { templateId: old.id, period: thisQuarter() },
    });
    expect(startFromRetired.status).toBe(422);
    expect(await logged()).toBe(events);

    // the branch chooses among the templates in use; the district still sees both
    const forBranch = await t.call(`${t.b}/inspections/templates`);
    expect(forBranch.body.items.map((x: { id: string }) => x.id)).toEqual([next.id]);
    const forDistrict = await t.call(`${t.d}/inspection-templates`, { role: "district_admin" });
    expect(
      forDistrict.body.items.map((x: { id: string; retiredAt: string | null }) => [
        x.id,
        x.retiredAt !== null,
      ]),
    ).toEqual(
      [
        [old.id, true],
        [next.id, false],
      ].sort(),
    );
    // the inspection opened before keeps its template and goes on
    const kept = await t.call(`${t.b}/inspections/${opened.body.id}`);
    expect(kept.status).toBe(200);
    expect(kept.body.template).toMatchObject({ id: old.id, version: 1 });
  });
});
