import { addMonthsToMonth, monthOf, todayIn } from "@vanguard/domain";
import { describe, expect, it } from "vitest";
import { call, memberKey, newMember, newTenant } from "./harness";
import { committee, developmentCase, finding, pay, tc } from "./harness.reports";

// biome-ignore lint/suspicious/noExplicitAny: test replies are read field by field
type Json = any;

const asOf = () => todayIn("Asia/Shanghai");

/** A branch with something on every card: findings, a task, a member behind with dues, a case due. */
async function busyBranch() {
  const t = await newTenant();
  const c = tc(t);
  const payer = await newMember(t.branch.id, t.branchKey, { name: "按时交", idNumber: null });
  const behind = await newMember(t.branch.id, t.branchKey, { name: "欠交者", idNumber: null });
  const month = monthOf(asOf());
  // the payer paid every month of the look-back; the other paid only the first, a year ago
  const months = Array.from({ length: 12 }, (_, i) => addMonthsToMonth(month, -i));
  await pay(c, payer.id, months);
  await pay(c, behind.id, [months.at(-1)!]);
  await finding(c, { rule: "committee_meetings", severity: "severe", status: "open" });
  await finding(c, { rule: "dues_arrears", severity: "warning", status: "open" });
  await finding(c, { rule: "inactive", severity: "info", status: "resolved" });
  await committee(c, payer.id);
  const task = await call(`/v1/branches/${t.branch.id}/duty-tasks`, {
    key: t.branchKey,
    body: { assigneeId: payer.id, month, title: "组织主题党日", dueOn: `${month}-01` },
  });
  expect(task.status).toBe(201);
  // applied three months ago with no talk since: the talk (within a month) is overdue
  const applied = `${addMonthsToMonth(month, -3)}-02`;
  await developmentCase(c, { stage: "applicant", appliedOn: applied, steps: [["application", applied]] });
  return { t, payer, behind, month };
}

describe("GET /v1/branches/{id}/today", () => {
  it("shows what the findings, duty-task, meeting, dues and case routes show", async () => {
    const { t, behind, month } = await busyBranch();
    const get = (path: string, lang?: string) =>
      call<Json>(`/v1/branches/${t.branch.id}${path}`, {
        key: t.branchKey,
        headers: lang ? { "accept-language": lang } : undefined,
      });
    const today = await get("/today");
    expect(today.status).toBe(200);
    const d = today.body;
    expect(d).toMatchObject({ branchId: t.branch.id, month, recordsFrom: "2010-07-01" });

    // findings: the open ones by severity, the most severe first
    expect(d.findings.open).toEqual({ severe: 1, warning: 1, info: 0 });
    expect(d.findings.top.map((f: Json) => f.severity)).toEqual(["severe", "warning"]);
    expect(d.findings.top[0].message).toBe("测试预警");
    const findings = await get("/findings?status=open&limit=200");
    expect(d.findings.top.map((f: Json) => f.id).sort()).toEqual(
      findings.body.items.map((f: Json) => f.id).sort(),
    );

    // duty tasks: the month's, as the duty-task route states them
    const tasks = await get(`/duty-tasks?month=${month}&limit=200`);
    expect(d.tasks.summary).toEqual(tasks.body.summary);
    expect(d.tasks.items).toEqual(
      tasks.body.items.map((x: Json) => ({
        id: x.id,
        title: x.title,
        assigneeId: x.assigneeId,
        assigneeName: x.assigneeName,
        dueOn: x.dueOn,
        state: x.state,
      })),
    );
    expect(d.tasks.items).toHaveLength(1);

    // meetings: the month's and quarter's still open, as the compliance route names them
    const meetings = await get(`/meetings/compliance?year=${month.slice(0, 4)}`);
    const open = meetings.body.items
      // a yearly meeting is due this quarter once the year is in its last one
      .filter((i: Json) => i.applicable && i.open && (i.per !== "year" || Number(month.slice(5)) >= 10))
      .map((i: Json) => ({
        code: i.code,
        kind: i.kind,
        label: i.label,
        per: i.per,
        min: i.min,
        open: i.open,
      }));
    expect(open.length).toBeGreaterThan(0);
    expect(d.meetingsDue).toEqual(open);

    // dues: exactly the members the month's dues route shows in arrears
    const dues = await get(`/dues?month=${month}&limit=200`);
    const behindLines = dues.body.items
      .filter((l: Json) => l.arrearsSeverity !== "none")
      .map((l: Json) => ({
        memberId: l.memberId,
        name: l.name,
        consecutiveUnpaid: l.consecutiveUnpaid,
        arrearsSeverity: l.arrearsSeverity,
      }));
    expect(d.arrears).toEqual(behindLines);
    // eleven months unpaid since the one paid a year ago; this month is under way, so ten are late
    expect(d.arrears).toEqual([
      { memberId: behind.id, name: "欠交者", consecutiveUnpaid: 10, arrearsSeverity: "severe" },
    ]);

    // development: the case's next steps with a due date, as the case page gives them
    const cases = await get("/development/cases?limit=50");
    expect(cases.body.items).toHaveLength(1);
    const page = await get(`/development/cases/${cases.body.items[0].id}`);
    const due = page.body.nextSteps.filter((s: Json) => s.dueBy);
    expect(due.length).toBeGreaterThan(0);
    expect(d.developmentDue).toEqual(
      due.map((s: Json) => ({
        caseId: page.body.id,
        memberName: "发展对象",
        step: s.step,
        label: s.label,
        dueBy: s.dueBy,
        overdue: s.dueBy < d.asOf,
      })),
    );
    expect(d.developmentDue.some((s: Json) => s.overdue)).toBe(true);

    // in English, messages and labels follow
    const en = await get("/today", "en");
    expect(en.body.findings.top[0].message).toBe("test finding");
    const enPage = await get(`/development/cases/${cases.body.items[0].id}`, "en");
    expect(en.body.developmentDue[0].label).toBe(enPage.body.nextSteps.find((s: Json) => s.dueBy).label);
  }, 120_000);

  it("answers in one shard round trip, the same number of statements at every size", async () => {
    const { t } = await busyBranch();
    const cost = async () => {
      const r = await call(`/v1/branches/${t.branch.id}/today`, { key: t.branchKey });
      expect(r.status).toBe(200);
      return [Number(r.headers.get("x-d1-queries")), Number(r.headers.get("x-d1-round-trips"))];
    };
    const before = await cost();
    for (let i = 0; i < 10; i++)
      await newMember(t.branch.id, t.branchKey, { idNumber: null, name: `党员${i}` });
    // the worker tests keep no auth cache: one directory batch (key and branch), one directory read
    // of the district's rules, the district's write count in the shard, then the page itself in one
    // shard batch of eight statements; warm, as the local stack runs, only the count remains when
    // nothing was written since (tests/e2e/one-round-trip.test.ts)
    expect(before).toEqual([2 + 1 + 1 + 8, 4]);
    // ten members were added since: the page is computed again, with the same statements
    expect(await cost()).toEqual(before);
    // nothing written since: the kept page, after the count alone
    expect(await cost()).toEqual([2 + 1 + 1, 3]);
  }, 120_000);

  it("keeps other tenants out and needs a reading role", async () => {
    const { t } = await busyBranch();
    const other = await newTenant();
    expect((await call(`/v1/branches/${t.branch.id}/today`, { key: null })).status).toBe(401);
    const outside = await call(`/v1/branches/${t.branch.id}/today`, { key: other.branchKey });
    expect(outside.status).toBe(404);
    expect(outside.headers.get("content-type")).toContain("application/problem+json");
    expect((await call(`/v1/branches/${t.branch.id}/today`, { key: other.districtKey })).status).toBe(404);
    expect((await call(`/v1/branches/${t.branch.id}/today`, { key: t.auditorKey })).status).toBe(200);
    const m = await newMember(t.branch.id, t.branchKey, { idNumber: null, name: "党员甲" });
    const forbidden = await call(`/v1/branches/${t.branch.id}/today`, {
      key: await memberKey(t.branch.id, m.id, t.branchKey),
      headers: { "accept-language": "en" },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("content-type")).toContain("application/problem+json");
  }, 120_000);
});
