import { describe, expect, it } from "vitest";
import { branchWithCommittee, lastQuarter, templateIn, thisYear } from "./harness";

describe("the district's evaluations rule set", () => {
  it("starts at the defaults, takes new versions, and every decision records the version it used", async () => {
    const t = await branchWithCommittee({ others: 1 });
    const initial = await t.call(`${t.d}/evaluations/rules`, { role: "auditor" });
    expect(initial.body).toMatchObject({
      version: 0,
      rules: { appraisal: { excellentShare: { numerator: 1, denominator: 3 } } },
    });
    const rules = structuredClone(initial.body.rules);
    rules.appraisal.excellentShare = { numerator: 1, denominator: 2 };
    rules.inspection.bands = [
      { grade: "excellent", minPercent: 98 },
      { grade: "qualified", minPercent: 0 },
    ];
    expect(
      (await t.call(`${t.d}/evaluations/rules`, { method: "PUT", body: { rules, version: 0 } })).status,
    ).toBe(403);
    const put = await t.call(`${t.d}/evaluations/rules`, {
      role: "district_admin",
      method: "PUT",
      body: { rules, version: 0 },
    });
    expect(put.status).toBe(200);
    expect(put.body.version).toBe(1);
    const stale = await t.call(`${t.d}/evaluations/rules`, {
      role: "district_admin",
      method: "PUT",
      body: { rules, version: 0 },
    });
    expect(stale.status).toBe(409);
    const bad = structuredClone(rules);
    bad.inspection.bands = [{ grade: "excellent", minPercent: 50 }];
    const refused = await t.call(`${t.d}/evaluations/rules`, {
      role: "district_admin",
      method: "PUT",
      body: { rules: bad, version: 1 },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].rule).toBe("rules_inspection_bands");

    // an appraisal of four may now have two excellent grades
    const { body: a } = await t.call(`${t.b}/appraisals`, { body: { year: thisYear() - 1 } });
    const people = [t.secretary, t.organization, t.propaganda, t.others[0]!];
    for (const [i, m] of people.entries())
      await t.call(`${t.b}/appraisals/${a.id}/grades/${m}`, {
        method: "PUT",
        body: { grade: i < 2 ? "excellent" : "qualified" },
      });
    const fin = await t.call(`${t.b}/appraisals/${a.id}/finalize`, { body: {} });
    expect(fin.body).toMatchObject({ status: "finalized", excellentLimit: 2, ruleSetVersion: 1 });

    // and 97.5 of 100 is no longer excellent
    const tpl = await templateIn(t, [
      { code: "meetings", title: "三会一课", maxScore: 100, ownerPost: "organization" },
    ]);
    const { body: ins } = await t.call(`${t.b}/inspections`, {
      body: { templateId: tpl.id, period: lastQuarter() },
    });
    await t.call(`${t.b}/inspections/${ins.id}/items/meetings`, {
      method: "PUT",
      body: { score: 97.5, deductionReason: "支委会记录缺签到" },
    });
    await t.call(`${t.b}/inspections/${ins.id}/submit`, { body: {} });
    const reviewed = await t.call(`${t.b}/inspections/${ins.id}/review`, {
      role: "district_admin",
      body: {},
    });
    expect(reviewed.body).toMatchObject({ grade: "qualified", ruleSetVersion: 1 });
  });
});
