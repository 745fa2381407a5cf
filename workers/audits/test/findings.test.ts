import { newId } from "@vanguard/db";
import { insertFindings } from "@vanguard/db/audits";
import { tenantFixture } from "@vanguard/testing/fixtures";
import { moduleCall } from "@vanguard/testing/module-harness";
import { describe, expect, it } from "vitest";

/** An open finding of `rule` against the fixture's branch, as an audit would have stored it. */
async function openFinding(t: Awaited<ReturnType<typeof tenantFixture>>, rule: string) {
  const id = newId("finding");
  const now = new Date().toISOString();
  await t.tc.shard.d1.batch(
    insertFindings(t.tc.shard.d1, [
      {
        branchId: t.ref.branchId,
        id,
        districtId: t.ref.districtId,
        key: `${rule}:${t.ref.branchId}:1`,
        rule,
        subjectType: "branch",
        subjectId: t.ref.branchId,
        severity: "severe",
        period: "1",
        messageZh: "测试",
        messageEn: "test",
        facts: "{}",
        status: "open",
        openedAt: now,
        openedRun: "run_test",
        lastSeenRun: "run_test",
        lastSeenOn: now.slice(0, 10),
        version: 1,
      },
    ]),
  );
  return id;
}

describe("resolving findings", () => {
  it("leaves a broken event chain to the district: the branch it was raised against cannot close it", async () => {
    const t = await tenantFixture();
    const id = await openFinding(t, "event_chain_broken");
    const path = `/v1/branches/${t.ref.branchId}/findings/${id}`;
    const byBranch = await moduleCall(`${path}/resolve`, { ref: t.ref, role: "branch_admin", body: {} });
    expect(byBranch.status).toBe(403);
    expect(byBranch.body.detail).toContain("区");
    const list = await moduleCall(`/v1/branches/${t.ref.branchId}/findings`, { ref: t.ref });
    expect(list.body.items).toMatchObject([{ id, status: "open" }]);
    // seeing it is the branch's to say
    expect(
      (await moduleCall(`${path}/acknowledge`, { ref: t.ref, role: "branch_admin", body: {} })).status,
    ).toBe(200);
    const byDistrict = await moduleCall(`${path}/resolve`, {
      ref: t.ref,
      role: "district_admin",
      body: { note: "已核实：数据库恢复自备份" },
    });
    expect(byDistrict.status).toBe(200);
    expect(byDistrict.body).toMatchObject({ status: "resolved", resolution: "manual" });
  });

  it("lets the branch resolve its other findings", async () => {
    const t = await tenantFixture();
    const id = await openFinding(t, "branch_inactive");
    const r = await moduleCall(`/v1/branches/${t.ref.branchId}/findings/${id}/resolve`, {
      ref: t.ref,
      role: "branch_admin",
      body: {},
    });
    expect(r.status).toBe(200);
  });
});
