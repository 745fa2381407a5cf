import { describe, expect, it } from "vitest";
import { auditDistrict } from "../support/audits";
import { demoDistrict } from "../support/demo";
import { must } from "../support/http";

describe("the demo data `pnpm dev` seeds", () => {
  it("creates 赣榆区 with 经济信息中心党支部, people in every status, a committee and dues", async () => {
    const demo = await demoDistrict();
    const district = await must("GET", `/v1/districts/${demo.districtId}`, { key: demo.keys.auditor });
    expect(district.name).toBe("赣榆区");
    const branches = await must("GET", `/v1/districts/${demo.districtId}/branches`, {
      key: demo.keys.districtAdmin,
    });
    expect(branches.items.map((b: { name: string }) => b.name)).toContain("经济信息中心党支部");
    const econ = demo.keys.branches.econ!;
    const members = await must("GET", `/v1/branches/${econ.branchId}/members?limit=200`, {
      key: econ.branchAdmin,
    });
    expect(new Set(members.items.map((m: { status: string }) => m.status))).toEqual(
      new Set(["applicant", "activist", "candidate", "probationary", "full"]),
    );
    const committee = await must("GET", `/v1/branches/${econ.branchId}/committee`, { key: econ.branchAdmin });
    expect(committee.posts.map((p: { post: string }) => p.post)).toContain("secretary");
    const dues = await must("GET", `/v1/branches/${econ.branchId}/dues?month=2026-10`, {
      key: econ.branchAdmin,
    });
    expect(dues.totals.collected).toBeGreaterThan(0);
    expect(dues.items.some((i: { arrearsSeverity: string }) => i.arrearsSeverity !== "none")).toBe(true);
    const me = await must("GET", `/v1/branches/${econ.branchId}/members/${demo.keys.member.memberId}`, {
      key: demo.keys.member.key,
    });
    expect(me.id).toBe(demo.keys.member.memberId);
    expect(
      await must("GET", `/v1/branches/${econ.branchId}/events/verify`, { key: demo.keys.auditor }),
    ).toMatchObject({ ok: true });
  });
});

describe("the demo's branch that came to the platform on 1 September", () => {
  it("carries its imported history and is judged only from September", async () => {
    const demo = await demoDistrict();
    const b = demo.keys.adopted;
    expect(b.recordsFrom.endsWith("-09-01")).toBe(true);
    const branch = await must("GET", `/v1/branches/${b.branchId}`, { key: demo.keys.districtAdmin });
    expect(branch).toMatchObject({ name: "城南街道党支部", recordsFrom: b.recordsFrom });
    const year = b.recordsFrom.slice(0, 4);
    const compliance = await must("GET", `/v1/branches/${b.branchId}/meetings/compliance?year=${year}`, {
      key: b.branchAdmin,
    });
    const missing = compliance.items.flatMap((i: { missing: string[] }) => i.missing);
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((p: string) => p >= `${year}-09`)).toBe(true);
    const history = await must(
      "GET",
      `/v1/branches/${b.branchId}/meetings?from=${year}-01-01&to=${year}-08-31`,
      {
        key: b.branchAdmin,
      },
    );
    expect(history.items.length).toBeGreaterThan(0);
    expect(history.items.every((m: { importedFrom: string | null }) => m.importedFrom !== null)).toBe(true);
    const cases = await must("GET", `/v1/branches/${b.branchId}/development/cases`, { key: b.branchAdmin });
    expect(cases.items.map((c: { stage: string }) => c.stage).sort()).toEqual(["activist", "candidate"]);
    const dues = await must("GET", `/v1/branches/${b.branchId}/dues?month=${year}-08`, {
      key: b.branchAdmin,
    });
    expect(dues.noRecords).toBe(true);
    expect(dues.items.every((i: { arrearsMonths: string[] }) => i.arrearsMonths.length === 0)).toBe(true);
  });
});

describe("the demo's branch practices", () => {
  it("shows confirmed service on a candidate's case, a political birthday this week and featured reflections", async () => {
    const demo = await demoDistrict();
    const p = demo.keys.practices;
    const econ = demo.keys.branches.econ!;
    const view = await must("GET", `/v1/branches/${econ.branchId}/development/cases/${p.serviceCaseId}`, {
      key: econ.branchAdmin,
    });
    expect(view.memberId).toBe(p.serviceMemberId);
    expect(view.service).toMatchObject({ confirmedHours: 9.5, confirmedSessions: 3 });
    const digest = await must("GET", `/v1/branches/${econ.branchId}/digest`, { key: econ.branchAdmin });
    expect(digest.politicalBirthdays).toContainEqual(
      expect.objectContaining({ memberId: p.birthdayMemberId, name: "周红霞", years: 15 }),
    );
    const featured = await must("GET", `/v1/districts/${demo.districtId}/study/reflections`, {
      key: demo.keys.auditor,
    });
    expect(featured.items.map((r: { id: string }) => r.id).sort()).toEqual(
      [...p.featuredReflectionIds].sort(),
    );
    const learners = await must("GET", `/v1/districts/${demo.districtId}/study/model-learners`, {
      key: demo.keys.districtAdmin,
    });
    expect(learners.items).toHaveLength(2);
    expect(learners.items.every((l: { featured: number }) => l.featured === 1)).toBe(true);
  });

  it("has a committee whose term ends in two months, which the audit warns about", async () => {
    const demo = await demoDistrict();
    const p = demo.keys.practices;
    const branch = Object.values(demo.keys.branches).find((b) => b.branchId === p.termEndingBranchId)!;
    const committee = await must("GET", `/v1/branches/${branch.branchId}/committee`, {
      key: branch.branchAdmin,
    });
    expect(committee.termEnd).toBe(p.termEnd);
    await auditDistrict(demo.districtId);
    const findings = await must("GET", `/v1/branches/${branch.branchId}/findings`, {
      key: branch.branchAdmin,
    });
    expect(findings.items.find((f: { rule: string }) => f.rule === "committee_term_ending")).toMatchObject({
      severity: "warning",
      dueBy: p.termEnd,
    });
  });
});
