import { moduleCall } from "@vanguard/testing/module-harness";
import { describe, expect, it } from "vitest";
import { branchWithCommittee, eventCount, lastQuarter, templateIn } from "./harness";

async function submitted() {
  const t = await branchWithCommittee();
  const tpl = await templateIn(t, [{ code: "dues", title: "党费", maxScore: 10, ownerPost: "organization" }]);
  const { body: ins } = await t.call(`${t.b}/inspections`, {
    body: { templateId: tpl.id, period: lastQuarter() },
  });
  await t.call(`${t.b}/inspections/${ins.id}/items/dues`, {
    method: "PUT",
    body: { score: 9, deductionReason: "一人欠缴" },
  });
  await t.call(`${t.b}/inspections/${ins.id}/submit`, { body: {} });
  return { t, id: ins.id as string };
}

describe("who may do what with an inspection", () => {
  it("lets no branch admin review its own inspection (403, nothing written)", async () => {
    const { t, id } = await submitted();
    const before = (await t.call(`${t.b}/inspections/${id}`)).body;
    const events = await eventCount(t);
    for (const role of ["branch_admin", "auditor", "member", "platform_admin"] as const) {
      const res = await t.call(`${t.b}/inspections/${id}/review`, { role, body: {} });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe("forbidden");
    }
    expect((await t.call(`${t.b}/inspections/${id}`)).body).toEqual(before);
    expect(await eventCount(t)).toBe(events);
    expect(
      (await t.call(`${t.b}/inspections/${id}/review`, { role: "district_admin", body: {} })).status,
    ).toBe(200);
  });

  it("keeps the self-assessment the branch's own: the district reads and reviews it, never writes it", async () => {
    const t = await branchWithCommittee();
    const tpl = await templateIn(t);
    for (const role of ["district_admin", "auditor", "member"] as const) {
      const res = await t.call(`${t.b}/inspections`, {
        role,
        body: { templateId: tpl.id, period: lastQuarter() },
      });
      expect(res.status).toBe(403);
    }
    const { body: ins } = await t.call(`${t.b}/inspections`, {
      body: { templateId: tpl.id, period: lastQuarter() },
    });
    const put = await t.call(`${t.b}/inspections/${ins.id}/items/dues`, {
      role: "district_admin",
      method: "PUT",
      body: { score: 10 },
    });
    expect(put.status).toBe(403);
    expect((await t.call(`${t.b}/inspections/${ins.id}`, { role: "auditor" })).status).toBe(200);
    expect((await t.call(`${t.b}/inspections/${ins.id}`, { role: "member" })).status).toBe(403);
  });

  it("answers 404 for another branch's inspection and keeps shards apart", async () => {
    const { t, id } = await submitted();
    const other = await branchWithCommittee({ shard: 1 });
    // the other tenant's context asked about this branch's path: not its branch
    const res = await moduleCall(`${t.b}/inspections/${id}`, { ref: other.ref, role: "branch_admin" });
    expect(res.status).toBe(404);
    // its own branch does not hold this inspection
    expect((await other.call(`${other.b}/inspections/${id}`)).status).toBe(404);
    const review = await other.call(`${other.b}/inspections/${id}/review`, {
      role: "district_admin",
      body: {},
    });
    expect(review.status).toBe(404);
    const account = await other.call(`${other.d}/evaluations/accountability`, { role: "district_admin" });
    expect(account.body.items).toEqual([]);
  });
});
