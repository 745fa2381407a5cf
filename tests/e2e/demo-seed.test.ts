import { describe, expect, it } from "vitest";
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
