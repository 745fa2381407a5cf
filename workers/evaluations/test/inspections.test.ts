import { describe, expect, it } from "vitest";
import { branchWithCommittee, eventCount, lastQuarter, templateIn } from "./harness";

type Item = {
  code: string;
  score: number;
  evidence?: string;
  deductionReason?: string;
  responsibleMemberId?: string;
};

async function selfAssess(t: Awaited<ReturnType<typeof branchWithCommittee>>, id: string, items: Item[]) {
  for (const { code, ...body } of items) {
    const res = await t.call(`${t.b}/inspections/${id}/items/${code}`, { method: "PUT", body });
    if (res.status !== 200) throw new Error(`${code}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

const FULL: Item[] = [
  { code: "organization", score: 20, evidence: "支委会会议记录 12 份" },
  { code: "meetings", score: 28, evidence: "三会一课台账", deductionReason: "10 月支委会缺 1 次" },
  { code: "education", score: 20 },
  { code: "dues", score: 10 },
  { code: "integrity", score: 10 },
  { code: "records", score: 9.5, deductionReason: "写实记录缺 2 条" },
];

describe("the quarterly inspection", () => {
  it("runs draft → submitted → reviewed, naming who answers for each lost point", async () => {
    const t = await branchWithCommittee();
    const tpl = await templateIn(t);
    const period = lastQuarter();
    const opened = await t.call(`${t.b}/inspections`, { body: { templateId: tpl.id, period } });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ period, status: "draft", maxTotal: 100, template: { version: 1 } });
    expect(opened.body.items).toHaveLength(6);
    const id = opened.body.id;

    // a later revision of the template does not touch this inspection
    await t.call(`${t.d}/inspection-templates/${tpl.id}`, {
      role: "district_admin",
      method: "PUT",
      body: { name: "新版", items: [{ code: "x", title: "新项目", maxScore: 100 }], version: 1 },
    });

    const early = await t.call(`${t.b}/inspections/${id}/submit`, { body: {} });
    expect(early.status).toBe(422);
    expect(early.body.errors[0]).toMatchObject({ rule: "inspection_items_unscored" });

    await selfAssess(t, id, FULL);
    const noReason = await t.call(`${t.b}/inspections/${id}/items/dues`, {
      method: "PUT",
      body: { score: 8 },
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors[0].rule).toBe("inspection_deduction_reason_missing");
    const tooHigh = await t.call(`${t.b}/inspections/${id}/items/dues`, {
      method: "PUT",
      body: { score: 11 },
    });
    expect(tooHigh.body.errors[0]).toMatchObject({
      rule: "inspection_score_out_of_range",
      facts: { maxScore: 10 },
    });

    const submitted = await t.call(`${t.b}/inspections/${id}/submit`, { body: {} });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: "submitted", selfTotal: 97.5 });
    const late = await t.call(`${t.b}/inspections/${id}/items/dues`, { method: "PUT", body: { score: 10 } });
    expect(late.status).toBe(422);
    expect(late.body.errors[0].rule).toBe("inspection_already_submitted");

    const pending = await t.call(`${t.d}/evaluations/inspections?status=submitted`, {
      role: "district_admin",
    });
    expect(pending.body.items.map((i: { id: string }) => i.id)).toEqual([id]);

    const reviewed = await t.call(`${t.b}/inspections/${id}/review`, {
      role: "district_admin",
      body: {
        comment: "总体较好",
        items: [
          { code: "dues", score: 8, deductionReason: "两名党员欠缴党费超过 3 个月" },
          { code: "integrity", score: 9, deductionReason: "廉政谈话记录不全" },
          { code: "education", score: 17, deductionReason: "党课无记录", responsibleMemberId: t.secretary },
        ],
      },
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({
      status: "reviewed",
      finalTotal: 91.5,
      grade: "excellent",
      ruleSetVersion: 0,
    });
    const who = Object.fromEntries(
      reviewed.body.items.map((i: { code: string; deducted: number; responsible: unknown }) => [
        i.code,
        [i.deducted, i.responsible],
      ]),
    );
    expect(who).toEqual({
      organization: [0, null],
      meetings: [2, { memberId: t.organization, name: "李组织", post: "organization", via: "owner_post" }],
      education: [3, { memberId: t.secretary, name: "王书记", post: "secretary", via: "district" }],
      dues: [2, { memberId: t.organization, name: "李组织", post: "organization", via: "owner_post" }],
      // no discipline member on this committee: the secretary answers
      integrity: [1, { memberId: t.secretary, name: "王书记", post: "secretary", via: "secretary" }],
      records: [0.5, { memberId: t.secretary, name: "王书记", post: "secretary", via: "secretary" }],
    });
    expect((await t.call(`${t.b}/inspections/${id}`, { role: "auditor" })).body).toEqual(reviewed.body);

    const account = await t.call(`${t.d}/evaluations/accountability?from=${period}&to=${period}`, {
      role: "auditor",
    });
    expect(account.status).toBe(200);
    expect(
      account.body.items.map((m: { name: string; points: number; deductions: { code: string }[] }) => [
        m.name,
        m.points,
        m.deductions.map((d) => d.code),
      ]),
    ).toEqual([
      ["王书记", 4.5, ["education", "integrity", "records"]],
      ["李组织", 4, ["meetings", "dues"]],
    ]);
    expect(account.body.items[0].deductions[0]).toMatchObject({
      branchId: t.ref.branchId,
      period,
      deducted: 3,
      reason: "党课无记录",
    });
    const paged = await t.call(`${t.b}/inspections/accountability?from=${period}&to=${period}&limit=1`);
    expect(paged.body.items.map((m: { name: string }) => m.name)).toEqual(["王书记"]);
    const next = await t.call(
      `${t.b}/inspections/accountability?from=${period}&to=${period}&limit=1&cursor=${paged.body.nextCursor}`,
    );
    expect(next.body.items.map((m: { name: string }) => m.name)).toEqual(["李组织"]);
    expect(next.body.nextCursor).toBeNull();
  });

  it("freezes a reviewed inspection: every change answers 422 and writes nothing", async () => {
    const t = await branchWithCommittee();
    const tpl = await templateIn(t);
    const { body: ins } = await t.call(`${t.b}/inspections`, {
      body: { templateId: tpl.id, period: lastQuarter() },
    });
    await selfAssess(t, ins.id, FULL);
    await t.call(`${t.b}/inspections/${ins.id}/submit`, { body: {} });
    const reviewed = await t.call(`${t.b}/inspections/${ins.id}/review`, {
      role: "district_admin",
      body: {},
    });
    expect(reviewed.body.finalTotal).toBe(97.5);
    const events = await eventCount(t);

    const attempts = [
      t.call(`${t.b}/inspections/${ins.id}/items/meetings`, { method: "PUT", body: { score: 30 } }),
      t.call(`${t.b}/inspections/${ins.id}/submit`, { body: {} }),
      t.call(`${t.b}/inspections/${ins.id}/review`, {
        role: "district_admin",
        body: { items: [{ code: "meetings", score: 30 }] },
      }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body.errors[0].rule).toBe("inspection_reviewed_frozen");
    }
    expect((await t.call(`${t.b}/inspections/${ins.id}`)).body).toEqual(reviewed.body);
    expect(await eventCount(t)).toBe(events);
  });

  it("refuses a review that cannot name who answers for a lost point", async () => {
    const t = await branchWithCommittee();
    // no secretary on this committee, and an item whose post nobody holds
    await t.tc.shard.d1
      .prepare("DELETE FROM committee_posts WHERE branch_id = ? AND post = 'secretary'")
      .bind(t.ref.branchId)
      .run();
    const tpl = await templateIn(t, [
      { code: "integrity", title: "党风廉政", maxScore: 10, ownerPost: "discipline" },
    ]);
    const { body: ins } = await t.call(`${t.b}/inspections`, {
      body: { templateId: tpl.id, period: lastQuarter() },
    });
    await selfAssess(t, ins.id, [{ code: "integrity", score: 8, deductionReason: "谈话记录缺失" }]);
    await t.call(`${t.b}/inspections/${ins.id}/submit`, { body: {} });
    const refused = await t.call(`${t.b}/inspections/${ins.id}/review`, { role: "district_admin", body: {} });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({
      rule: "responsible_unassigned",
      facts: { code: "integrity", ownerPost: "discipline" },
    });
    const stranger = await t.call(`${t.b}/inspections/${ins.id}/review`, {
      role: "district_admin",
      body: { items: [{ code: "integrity", responsibleMemberId: "mb_nobody" }] },
    });
    expect(stranger.body.errors[0].rule).toBe("responsible_not_member");
    const named = await t.call(`${t.b}/inspections/${ins.id}/review`, {
      role: "district_admin",
      body: { items: [{ code: "integrity", responsibleMemberId: t.others[0] }] },
    });
    expect(named.status).toBe(200);
    expect(named.body.items[0].responsible).toMatchObject({
      memberId: t.others[0],
      post: null,
      via: "district",
    });
  });

  it("keeps one inspection per quarter, refuses future quarters, and replays an idempotent open", async () => {
    const t = await branchWithCommittee();
    const tpl = await templateIn(t);
    const period = lastQuarter();
    const headers = { "Idempotency-Key": "open-once" };
    const [a, b] = await Promise.all([
      t.call(`${t.b}/inspections`, { body: { templateId: tpl.id, period }, headers }),
      t.call(`${t.b}/inspections`, { body: { templateId: tpl.id, period }, headers }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    const again = await t.call(`${t.b}/inspections`, { body: { templateId: tpl.id, period } });
    expect(again.status).toBe(409);
    const future = await t.call(`${t.b}/inspections`, { body: { templateId: tpl.id, period: "2099-Q1" } });
    expect(future.status).toBe(422);
    expect(future.body.errors[0].rule).toBe("inspection_period_future");
    const badPeriod = await t.call(`${t.b}/inspections`, { body: { templateId: tpl.id, period: "2026-Q5" } });
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.body.errors[0].path).toBe("period");
    const list = await t.call(`${t.b}/inspections?period=${period}`);
    expect(list.body.items).toHaveLength(1);
  });

  it("serialises concurrent self-assessments of one inspection without losing any", async () => {
    const t = await branchWithCommittee();
    const tpl = await templateIn(t);
    const { body: ins } = await t.call(`${t.b}/inspections`, {
      body: { templateId: tpl.id, period: lastQuarter() },
    });
    const results = await Promise.all(
      FULL.map(({ code, ...body }) =>
        t.call(`${t.b}/inspections/${ins.id}/items/${code}`, { method: "PUT", body }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(FULL.map(() => 200));
    const after = await t.call(`${t.b}/inspections/${ins.id}`);
    expect(after.body).toMatchObject({ selfTotal: 97.5, version: 1 + FULL.length });
    const stale = await t.call(`${t.b}/inspections/${ins.id}/submit`, { body: { version: 1 } });
    expect(stale.status).toBe(409);
  });
});
