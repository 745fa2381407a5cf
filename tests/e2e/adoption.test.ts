import { GB18030_ROLL, XLSX, xlsxOf } from "@vanguard/testing/spreadsheets";
import { describe, expect, it } from "vitest";
import { auditDistrict } from "../support/audits";
import { http, idNumber, must, putCommittee, unique } from "../support/http";

const shanghai = (d = new Date()) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);
const today = shanghai();
const daysAgo = (n: number) => shanghai(new Date(Date.now() - n * 86_400_000));
const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;

async function district() {
  const d = await must("POST", "/v1/districts", { body: { code: unique("adopt"), name: "海州区" } });
  const dk = (
    await must("POST", `/v1/districts/${d.id}/keys`, { body: { role: "district_admin", label: "组织部" } })
  ).key;
  return { d, dk };
}

async function branchOf(d: { id: string }, dk: string, extra: Record<string, unknown> = {}) {
  const b = await must("POST", `/v1/districts/${d.id}/branches`, {
    key: dk,
    body: { name: unique("新支部").replace(/-/g, ""), kind: "branch", foundedOn: "2010-07-01", ...extra },
  });
  const bk = (
    await must("POST", `/v1/branches/${b.id}/keys`, {
      key: dk,
      body: { role: "branch_admin", label: "书记" },
    })
  ).key;
  return { b, bk };
}

describe("a branch adopting the platform today, over HTTP", () => {
  it("has no findings for earlier periods after an audit, and its quarter judges only what it could do", async () => {
    const { d, dk } = await district();
    const { b, bk } = await branchOf(d, dk);
    expect(b.recordsFrom).toBe(today);
    const ids: string[] = [];
    for (const [i, name] of ["肖长青", "王丽", "赵刚"].entries()) {
      const birthDate = `197${i}-04-18`;
      const m = await must("POST", `/v1/branches/${b.id}/members`, {
        key: bk,
        body: {
          name,
          gender: "male",
          birthDate,
          status: "full",
          joinedOn: "1998-07-01",
          idNumber: idNumber(birthDate, 40 + i),
        },
      });
      expect(m.joinedBranchOn).toBe(today);
      ids.push(m.id);
      await must("PUT", `/v1/branches/${b.id}/members/${m.id}/dues-basis`, {
        key: bk,
        body: { category: "employed", monthlyIncome: 7200 },
      });
    }
    await putCommittee(b.id, bk, ids);
    await auditDistrict(d.id);
    const findings = await must("GET", `/v1/branches/${b.id}/findings?limit=200`, { key: bk });
    expect(findings.items).toEqual([]);

    const dues = await must("GET", `/v1/branches/${b.id}/dues`, { key: bk });
    expect(dues.items.every((i: { arrearsMonths: string[] }) => i.arrearsMonths.length === 0)).toBe(true);
    const compliance = await must("GET", `/v1/branches/${b.id}/meetings/compliance`, { key: bk });
    expect(compliance).toMatchObject({ recordsFrom: today, compliant: true });
    expect(compliance.items.every((i: { required: number }) => i.required === 0)).toBe(true);

    const report = await must("GET", `/v1/reports/compliance?districtId=${d.id}&period=${quarter}`, {
      key: dk,
    });
    const row = report.items.find((r: { branchId: string }) => r.branchId === b.id);
    expect(row).toMatchObject({ noRecords: false, meetings: { required: 0 }, dues: { due: 0, rate: null } });
    expect(row.band).not.toBe("poor");
    const lastYear = await must(
      "GET",
      `/v1/reports/compliance?districtId=${d.id}&period=${Number(today.slice(0, 4)) - 1}`,
      {
        key: dk,
      },
    );
    expect(lastYear.items.find((r: { branchId: string }) => r.branchId === b.id)).toMatchObject({
      noRecords: true,
      score: null,
    });

    // only the district moves the records start, with a reason, logged
    const moved = { version: b.version, recordsFrom: "2020-01-01", reason: "已导入2020年以来的全部记录" };
    expect((await http("PUT", `/v1/branches/${b.id}/records-from`, { key: bk, body: moved })).status).toBe(
      403,
    );
    const future = await http("PUT", `/v1/branches/${b.id}/records-from`, {
      key: dk,
      body: { ...moved, recordsFrom: "2999-01-01" },
      headers: { "accept-language": "en" },
    });
    expect(future.status).toBe(422);
    expect(future.body.errors[0]).toMatchObject({ rule: "records_from_in_future" });
    expect(await must("PUT", `/v1/branches/${b.id}/records-from`, { key: dk, body: moved })).toMatchObject({
      recordsFrom: "2020-01-01",
    });
    const log = await must("GET", `/v1/districts/${d.id}/events?limit=200`, { key: dk }).catch(() => null);
    if (log) {
      expect(log.items.some((e: { action: string }) => e.action === "branch.records_from_changed")).toBe(
        true,
      );
    }
  });

  it("imports GB18030 and xlsx rolls with their Chinese names", async () => {
    const { d, dk } = await district();
    const { b, bk } = await branchOf(d, dk);
    const gb = await must("POST", `/v1/branches/${b.id}/members/import`, {
      key: bk,
      raw: GB18030_ROLL,
      headers: { "content-type": "text/csv" },
    });
    expect(gb).toMatchObject({ created: 2, rejected: [] });
    const xlsx = await must("POST", `/v1/branches/${b.id}/members/import`, {
      key: bk,
      raw: xlsxOf([
        ["姓名", "性别", "出生日期", "状态", "入党日期"],
        ["司马光", "男", "1980-02-03", "正式党员", "2005-07-01"],
      ]),
      headers: { "content-type": XLSX },
    });
    expect(xlsx).toMatchObject({ created: 1, rejected: [] });
    const names = (await must("GET", `/v1/branches/${b.id}/members`, { key: bk })).items.map(
      (m: { name: string }) => m.name,
    );
    expect(names.sort()).toEqual(["张三丰", "司马光", "欧阳娜娜"].sort());
  });

  it("brings its history in and the imported cases go on through the pipeline with the right gates", async () => {
    const { d, dk } = await district();
    const { b, bk } = await branchOf(d, dk, { recordsFrom: daysAgo(40) });
    const m = await must("POST", `/v1/branches/${b.id}/members`, {
      key: bk,
      body: { name: "陈立", gender: "male", birthDate: "1980-01-01", status: "full", joinedOn: "2005-07-01" },
    });
    const meetings = `会议类型,日期,主题,姓名,出生日期\n主题党日,${daysAgo(200)},学党章,陈立,1980-01-01\n`;
    const first = await must("POST", `/v1/branches/${b.id}/meetings/import`, {
      key: bk,
      raw: meetings,
      headers: { "content-type": "text/csv" },
    });
    expect(first).toMatchObject({ created: 1, meetingsCreated: 1, rejected: [] });
    const again = await must("POST", `/v1/branches/${b.id}/meetings/import`, {
      key: bk,
      raw: meetings,
      headers: { "content-type": "text/csv" },
    });
    expect(again).toMatchObject({ created: 0, unchanged: 1 });
    const dues = await must("POST", `/v1/branches/${b.id}/dues/import?dryRun=true`, {
      key: bk,
      raw: `姓名,出生日期,月份,金额\n陈立,1980-01-01,${daysAgo(200).slice(0, 7)},100\n陈立,1980-01-01,2999-01,100\n`,
      headers: { "content-type": "text/csv" },
    });
    expect(dues).toMatchObject({
      dryRun: true,
      created: 1,
      rejected: [{ line: 3, errors: [{ rule: "history_in_future" }] }],
    });
    expect(m.id).toBeTruthy();

    // a candidate whose activist designation was 8 months ago
    const activistOn = daysAgo(243);
    const cases = [
      "姓名,性别,出生日期,递交入党申请书,党组织派人谈话,确定入党积极分子,上级党委备案,指定培养联系人,培养教育考察,确定发展对象",
      `周明,男,1999-05-01,${daysAgo(400)},${daysAgo(390)},${activistOn},${daysAgo(240)},${daysAgo(239)},${daysAgo(60)},${daysAgo(10)}`,
    ].join("\n");
    const imported = await must("POST", `/v1/branches/${b.id}/development/cases/import`, {
      key: dk,
      raw: cases,
      headers: { "content-type": "text/csv" },
    });
    expect(imported).toMatchObject({ created: 1, rejected: [] });
    const caseId = imported.cases[0].caseId;
    const path = `/v1/branches/${b.id}/development/cases/${caseId}`;
    expect(await must("GET", path, { key: bk })).toMatchObject({
      stage: "candidate",
      member: { status: "candidate" },
    });
    for (const [step, key, data] of [
      ["candidate_filing", dk, {}],
      ["political_review", bk, { conclusion: "passed" }],
      ["intensive_training", dk, { hours: 24, days: 3 }],
    ] as const) {
      expect(
        (await http("POST", `${path}/steps`, { key, body: { step, occurredOn: today, data } })).status,
      ).toBe(201);
    }
    // what comes next is judged normally: the committee review waits for the introducers
    const view = await must("GET", path, { key: bk });
    const review = view.nextSteps.find((n: { step: string }) => n.step === "committee_review");
    expect(review.allowed).toBe(false);
    expect(review.blockers[0]).toMatchObject({
      rule: "procedure_incomplete",
      facts: { missing: ["introducers_assigned"] },
    });
    const timeline = await must("GET", `${path}/timeline?limit=200`, { key: bk });
    const steps = timeline.items.filter((e: { kind: string }) => e.kind === "step");
    expect(steps.filter((e: { imported: boolean }) => e.imported)).toHaveLength(7);
    expect(steps.filter((e: { imported: boolean }) => !e.imported)).toHaveLength(3);
    const rerun = await must("POST", `/v1/branches/${b.id}/development/cases/import`, {
      key: dk,
      raw: cases,
      headers: { "content-type": "text/csv" },
    });
    expect(rerun).toMatchObject({ created: 0, unchanged: 1 });
  });
});
