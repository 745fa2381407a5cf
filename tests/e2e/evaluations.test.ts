import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE } from "../../scripts/seed/evaluations.mjs";
import { demoDistrict } from "../support/demo";
import { http, type Json, must, putCommittee, tenant } from "../support/http";

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
const thisYear = () => Number(today().slice(0, 4));

function lastQuarter(): string {
  const d = today();
  const i = Number(d.slice(0, 4)) * 4 + Math.floor((Number(d.slice(5, 7)) - 1) / 3) - 1;
  return `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
}

/** A fresh district and branch over HTTP with six full members and a three-person committee. */
async function branch(shard = 0) {
  const t = await tenant(shard);
  const b = `/v1/branches/${t.branch.id}`;
  const d = `/v1/districts/${t.district.id}`;
  const names = ["赵书记", "钱组织", "孙宣传", "李党员", "周党员", "吴党员"];
  const people: string[] = [];
  for (const [i, name] of names.entries()) {
    const m = await must("POST", `${b}/members`, {
      key: t.branchKey,
      body: {
        name,
        gender: i % 2 ? "female" : "male",
        birthDate: `198${i}-05-0${i + 1}`,
        status: "full",
        joinedOn: "2012-07-01",
      },
    });
    people.push(m.id);
  }
  const [secretary, organization, propaganda] = people as [string, string, string];
  await putCommittee(t.branch.id, t.branchKey, [secretary, organization, propaganda]);
  const memberKey = async (memberId: string) =>
    (await must("POST", `${b}/keys`, { key: t.branchKey, body: { role: "member", memberId, label: "党员" } }))
      .key;
  return { ...t, b, d, people, secretary, organization, propaganda, memberKey };
}

function expectProblem(r: { status: number; headers: Headers; body: Json }, status: number, rule?: string) {
  expect(r.status).toBe(status);
  expect(r.headers.get("content-type")).toContain("application/problem+json");
  if (rule) expect(r.body.errors.map((e: { rule: string }) => e.rule)).toContain(rule);
}

describe("retiring an inspection template over HTTP", () => {
  it("keeps what was made on it and lets nothing new start from it", async () => {
    const t = await tenant(1);
    const d = `/v1/districts/${t.district.id}`;
    const b = `/v1/branches/${t.branch.id}`;
    const tpl = await must("POST", `${d}/inspection-templates`, {
      key: t.districtKey,
      body: DEFAULT_TEMPLATE,
    });
    const opened = await must("POST", `${b}/inspections`, {
      key: t.branchKey,
      body: { templateId: tpl.id, period: lastQuarter() },
    });
    expectProblem(
      await http("POST", `${d}/inspection-templates/${tpl.id}/retire`, {
        key: t.branchKey,
        body: { reason: "支部自行停用" },
      }),
      404,
    );
    const retired = await must("POST", `${d}/inspection-templates/${tpl.id}/retire`, {
      key: t.districtKey,
      body: { reason: "已由新版检查表替代" },
    });
    expect(retired.retiredAt).toEqual(expect.any(String));
    expectProblem(
      await http("POST", `${b}/inspections`, {
        key: t.branchKey,
        body: {
          templateId: tpl.id,
          period: `${thisYear()}-Q${Math.floor((Number(today().slice(5, 7)) - 1) / 3) + 1}`,
        },
      }),
      422,
      "template_retired",
    );
    expect((await must("GET", `${b}/inspections/templates`, { key: t.branchKey })).items).toEqual([]);
    expect(await must("GET", `${b}/inspections/${opened.id}`, { key: t.branchKey })).toMatchObject({
      template: { id: tpl.id },
    });
  });
});

describe("evaluations over HTTP", () => {
  it("runs a quarterly inspection from template to review, and names who answers for each lost point", async () => {
    const t = await branch(1);
    const template = await must("POST", `${t.d}/inspection-templates`, {
      key: t.districtKey,
      body: DEFAULT_TEMPLATE,
    });
    expect(template.maxTotal).toBe(100);
    // the branch picks the template from its district's list
    const offered = await must("GET", `${t.b}/inspections/templates`, { key: t.branchKey });
    expect(offered.items.map((x: { id: string }) => x.id)).toEqual([template.id]);
    const period = lastQuarter();
    const ins = await must("POST", `${t.b}/inspections`, {
      key: t.branchKey,
      body: { templateId: template.id, period },
      headers: { "Idempotency-Key": `open-${t.branch.id}` },
    });
    for (const item of DEFAULT_TEMPLATE.items) {
      const lost = item.code === "meetings";
      await must("PUT", `${t.b}/inspections/${ins.id}/items/${item.code}`, {
        key: t.branchKey,
        body: {
          score: lost ? item.maxScore - 2 : item.maxScore,
          evidence: "台账、会议记录",
          ...(lost ? { deductionReason: "支委会少开 1 次" } : {}),
        },
      });
    }
    await must("POST", `${t.b}/inspections/${ins.id}/submit`, { key: t.branchKey, body: {} });
    const submitted = await must("GET", `${t.b}/inspections/${ins.id}`, { key: t.branchKey });
    expect(submitted).toMatchObject({ status: "submitted", selfTotal: 98 });

    // the branch admin may not review its own inspection; nothing changes
    const own = await http("POST", `${t.b}/inspections/${ins.id}/review`, { key: t.branchKey, body: {} });
    expectProblem(own, 403);
    expect(await must("GET", `${t.b}/inspections/${ins.id}`, { key: t.branchKey })).toEqual(submitted);

    const reviewed = await must("POST", `${t.b}/inspections/${ins.id}/review`, {
      key: t.districtKey,
      body: { items: [{ code: "education", score: 12, deductionReason: "党课无签到记录" }] },
    });
    expect(reviewed).toMatchObject({ status: "reviewed", finalTotal: 95, grade: "excellent" });

    // a reviewed inspection is frozen: editing it is refused and changes nothing
    const edit = await http("PUT", `${t.b}/inspections/${ins.id}/items/meetings`, {
      key: t.branchKey,
      body: { score: 20 },
    });
    expectProblem(edit, 422, "inspection_reviewed_frozen");
    const again = await http("POST", `${t.b}/inspections/${ins.id}/review`, { key: t.districtKey, body: {} });
    expectProblem(again, 422, "inspection_reviewed_frozen");
    expect(await must("GET", `${t.b}/inspections/${ins.id}`, { key: t.districtKey })).toEqual(reviewed);

    const account = await must("GET", `${t.d}/evaluations/accountability`, { key: t.districtKey });
    expect(
      account.items.map(
        (m: { name: string; points: number; deductions: { title: string; reason: string }[] }) => [
          m.name,
          m.points,
          m.deductions.map((x) => x.reason),
        ],
      ),
    ).toEqual([
      ["孙宣传", 3, ["党课无签到记录"]],
      ["钱组织", 2, ["支委会少开 1 次"]],
    ]);
    const spec = await must("GET", "/openapi.json", { key: null });
    expect(spec.paths["/v1/branches/{branchId}/inspections/{inspectionId}/review"]).toBeDefined();
    expect(await must("GET", `${t.b}/events/verify`, { key: t.districtKey })).toMatchObject({ ok: true });
  });

  it("sets, completes and verifies duty tasks, with ratios, and a member completing only their own", async () => {
    const t = await branch();
    const month = today().slice(0, 7);
    const set = (assigneeId: string, title: string) =>
      must("POST", `${t.b}/duty-tasks`, {
        key: t.branchKey,
        body: { assigneeId, month, title, dueOn: `${month}-01` },
      });
    const mine = await set(t.organization, "收缴党费并公示");
    const other = await set(t.propaganda, "更新党务公开栏");
    const outsider = await http("POST", `${t.b}/duty-tasks`, {
      key: t.branchKey,
      body: { assigneeId: t.people[4], month, title: "普通党员不承担一岗双责任务", dueOn: `${month}-01` },
    });
    expectProblem(outsider, 422, "duty_assignee_not_committee");

    const key = await t.memberKey(t.organization);
    expectProblem(await http("POST", `${t.b}/duty-tasks/${other.id}/complete`, { key, body: {} }), 404);
    await must("POST", `${t.b}/duty-tasks/${mine.id}/complete`, { key, body: { note: "已公示" } });
    expectProblem(await http("POST", `${t.b}/duty-tasks/${mine.id}/verify`, { key, body: {} }), 403);
    await must("POST", `${t.b}/duty-tasks/${mine.id}/verify`, { key: t.branchKey, body: {} });

    const view = await must("GET", `${t.b}/duty-tasks?month=${month}`, { key: t.districtKey });
    expect(view.summary).toMatchObject({ tasks: 2, completed: 1, verified: 1, completionRatio: 0.5 });
    const own = await must("GET", `${t.b}/duty-tasks?month=${month}`, { key });
    expect(own.items.map((x: { id: string }) => x.id)).toEqual([mine.id]);
  });

  it("keeps records immutable: corrections are new records, edits and deletions are refused", async () => {
    const t = await branch();
    const m = t.people[3]!;
    const rec = await must("POST", `${t.b}/members/${m}/records`, {
      key: t.branchKey,
      body: { kind: "daily_performance", occurredOn: today(), content: "带病坚持值班" },
    });
    // a record has no way to be edited or deleted: the path answers those methods 405, naming what it allows
    for (const method of ["PATCH", "DELETE"]) {
      const r = await http(method, `${t.b}/records/${rec.id}`, {
        key: t.branchKey,
        body: method === "PATCH" ? { content: "改写" } : undefined,
      });
      expectProblem(r, 405);
      expect(r.headers.get("allow")).not.toMatch(/PATCH|DELETE/);
    }
    const fix = await must("POST", `${t.b}/members/${m}/records`, {
      key: t.branchKey,
      body: {
        kind: "daily_performance",
        occurredOn: today(),
        content: "带病坚持值班两天",
        correctsId: rec.id,
      },
    });
    const twice = await http("POST", `${t.b}/members/${m}/records`, {
      key: t.branchKey,
      body: { kind: "daily_performance", occurredOn: today(), content: "再改", correctsId: rec.id },
    });
    expectProblem(twice, 422, "record_already_corrected");
    const key = await t.memberKey(m);
    const mine = await must("GET", `${t.b}/members/${m}/records`, { key });
    expect(
      mine.items.map((r: { content: string; correctedById: string | null }) => [r.content, r.correctedById]),
    ).toEqual([
      ["带病坚持值班", fix.id],
      ["带病坚持值班两天", null],
    ]);
  });

  it("refuses excellent grades above a third and anyone grading themself", async () => {
    const t = await branch();
    const a = await must("POST", `${t.b}/appraisals`, { key: t.branchKey, body: { year: thisYear() - 1 } });
    expect(a.grades).toHaveLength(6);
    const self = await http("PUT", `${t.b}/appraisals/${a.id}/grades/${t.people[5]}`, {
      key: await t.memberKey(t.people[5]!),
      body: { grade: "excellent" },
    });
    expectProblem(self, 422, "appraisal_self_grading");
    for (const [i, m] of t.people.entries()) {
      await must("PUT", `${t.b}/appraisals/${a.id}/grades/${m}`, {
        key: t.branchKey,
        body: { grade: i < 3 ? "excellent" : "qualified" },
      });
    }
    const over = await http("POST", `${t.b}/appraisals/${a.id}/finalize`, { key: t.branchKey, body: {} });
    expectProblem(over, 422, "appraisal_excellent_over_limit");
    expect((await must("GET", `${t.b}/appraisals/${a.id}`, { key: t.branchKey })).status).toBe("open");
    await must("PUT", `${t.b}/appraisals/${a.id}/grades/${t.people[0]}`, {
      key: t.branchKey,
      body: { grade: "qualified" },
    });
    const done = await must("POST", `${t.b}/appraisals/${a.id}/finalize`, { key: t.branchKey, body: {} });
    expect(done).toMatchObject({
      status: "finalized",
      excellentLimit: 2,
      counts: { excellent: 2, qualified: 4 },
    });
  });

  it("seeds a demo whose accountability view names who lost which points", async () => {
    const demo = await demoDistrict();
    const account = await must("GET", `/v1/districts/${demo.districtId}/evaluations/accountability`, {
      key: demo.keys.auditor,
    });
    const econ = demo.keys.branches.econ!;
    const committee = await must("GET", `/v1/branches/${econ.branchId}/committee`, { key: econ.branchAdmin });
    const nameOf = (post: string) => committee.posts.find((p: { post: string }) => p.post === post).name;
    expect(
      account.items.map(
        (m: { name: string; points: number; deductions: { code: string; deducted: number }[] }) => [
          m.name,
          m.points,
          m.deductions.map((x) => `${x.code}-${x.deducted}`),
        ],
      ),
    ).toEqual([
      [nameOf("organization"), 6, ["meetings-2", "development-2", "dues-2"]],
      [nameOf("propaganda"), 5, ["education-4", "records-1"]],
      [nameOf("secretary"), 1, ["integrity-1"]],
    ]);
    expect(account.items[0].deductions[0]).toMatchObject({
      branchName: "经济信息中心党支部",
      reason: "7 月党小组会少开 1 次",
    });
    const tasks = await must("GET", `/v1/branches/${econ.branchId}/duty-tasks?month=${lastMonth()}`, {
      key: econ.branchAdmin,
    });
    expect(tasks.summary.tasks).toBe(9);
    expect(tasks.summary.overdue).toBe(2);
    const pending = await must(
      "GET",
      `/v1/districts/${demo.districtId}/evaluations/inspections?status=submitted`,
      {
        key: demo.keys.districtAdmin,
      },
    );
    expect(pending.items.map((i: { branchName: string }) => i.branchName)).toEqual(["青口镇中心社区党支部"]);
  });
});

function lastMonth(): string {
  const d = new Date(`${today().slice(0, 7)}-01T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 7);
}
