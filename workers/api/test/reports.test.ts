import { beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "./harness";
import { call } from "./harness";
import {
  committee,
  developmentCase,
  finding,
  generalBranch,
  inspected,
  manyBranches,
  memberFixture,
  met,
  newTenant,
  pay,
  publishCadence,
  studied,
  tc,
} from "./harness.reports";

/**
 * Report numbers against fixtures counted by hand. District A (shard 0) publishes its own meeting
 * cadence; district B (shard 1) keeps the defaults. The period is 2025-Q3, long over, so nothing
 * depends on today.
 */
let a: Tenant;
let b: Tenant;
let general: { id: string };

beforeAll(async () => {
  a = await newTenant({ shard: 0 });
  b = await newTenant({ shard: 1 });
  general = await generalBranch(a, "机关党总支");
  await publishCadence(a.district.id);

  // A1: three party members on the roll (one joined in August), one who left, one activist
  const A = tc(a);
  const m1 = await memberFixture(A, { name: "甲", joinedOn: "2010-07-01" });
  const m2 = await memberFixture(A, { name: "乙", joinedOn: "2010-07-01" });
  const m3 = await memberFixture(A, { name: "丙", status: "probationary", joinedOn: "2025-08-15" });
  const gone = await memberFixture(A, { name: "丁", leftOn: "2025-10-01" });
  await memberFixture(A, { name: "戊", status: "activist", joinedOn: null });
  await committee(A, m1.id);
  // dues owed Jul–Sep: 3 + 3 + 2 (from August) = 8 member-months; paid 3 + 1 + 1 = 5
  await pay(A, m1.id, ["2025-07", "2025-08", "2025-09"]);
  await pay(A, m2.id, ["2025-07"]);
  await pay(A, m3.id, ["2025-09", "2025-10"]);
  await pay(A, gone.id, ["2025-07"]);
  // study: 甲 and 乙 of three party members; the member who left since and October do not count
  await studied(A, m1.id, "2025-07", 10);
  await studied(A, m1.id, "2025-08", 5, { newInYear: false });
  await studied(A, m2.id, "2025-08", 4);
  await studied(A, gone.id, "2025-07", 3);
  await studied(A, m3.id, "2025-10", 7);
  // group meetings every month but May and September; assemblies in Q1 and Q3
  for (const m of ["01", "02", "03", "04", "06", "07", "08"]) await met(A, "group", `2025-${m}-12`);
  await met(A, "general_assembly", "2025-02-20");
  await met(A, "general_assembly", "2025-08-20");
  await met(A, "group", "2025-10-12");
  await met(A, "general_assembly", "2024-12-20");
  // unresolved: one of each severity (one an overdue development step); resolved ones do not count
  await finding(A, { rule: "application_talk_overdue", severity: "warning", status: "open" });
  await finding(A, { rule: "dues_arrears", severity: "severe", status: "acknowledged" });
  await finding(A, { rule: "study_below_threshold", severity: "info", status: "open" });
  await finding(A, { rule: "branch_inactive", severity: "info", status: "resolved" });
  // the latest reviewed inspection up to Q3 is Q2's; Q3 is still a draft, Q4 comes after
  await inspected(A, "2025-Q2", "reviewed", 85);
  await inspected(A, "2025-Q3", "draft", 99);
  await inspected(A, "2025-Q4", "reviewed", 40);
  // the pipeline
  await developmentCase(A, {
    stage: "applicant",
    appliedOn: "2025-03-01",
    steps: [["application", "2025-03-01"]],
  });
  await developmentCase(A, {
    stage: "activist",
    appliedOn: "2024-05-01",
    steps: [
      ["application", "2024-05-01"],
      ["activist_designation", "2025-02-01"],
    ],
  });
  await developmentCase(A, {
    stage: "closed",
    appliedOn: "2025-01-10",
    steps: [["application", "2025-01-10"]],
    closedOn: "2025-06-01",
  });
  await developmentCase(A, {
    stage: "full",
    appliedOn: "2022-03-01",
    steps: [
      ["application", "2022-03-01"],
      ["admission_approval", "2024-01-10"],
    ],
    fullOn: "2025-01-10",
  });
  await developmentCase(A, {
    stage: "probationary",
    appliedOn: "2023-03-01",
    steps: [
      ["application", "2023-03-01"],
      ["candidate_designation", "2025-01-05"],
      ["admission_approval", "2025-04-01"],
    ],
  });

  // B1 on the other shard: two members who paid and studied, no meetings at all
  const B = tc(b);
  const n1 = await memberFixture(B, { name: "张,三", joinedOn: "2010-07-01" });
  const n2 = await memberFixture(B, { name: "李四", joinedOn: "2010-07-01" });
  for (const n of [n1, n2]) {
    await pay(B, n.id, ["2025-07", "2025-08", "2025-09"]);
    await studied(B, n.id, "2025-07", 6);
  }
  await developmentCase(B, {
    stage: "applicant",
    appliedOn: "2025-06-01",
    steps: [["application", "2025-06-01"]],
  });
  await finding(B, { rule: "cultivation_review_overdue", severity: "warning", status: "resolved" });
});

const row = (body: { items: { branchId: string }[] }, id: string) =>
  body.items.find((r) => r.branchId === id);

describe("the compliance scorecard", () => {
  it("scores a branch from every module's data, counted by hand", async () => {
    const r = await call(`/v1/reports/compliance?districtId=${a.district.id}&period=2025-Q3`, {
      key: a.auditorKey,
    });
    expect(r.status).toBe(200);
    expect(r.body.period).toEqual({ key: "2025-Q3", kind: "quarter", from: "2025-07-01", to: "2025-09-30" });
    expect(r.body.items.map((i: { branchId: string }) => i.branchId)).toEqual([a.branch.id, general.id]);
    // read again, the rollups answer with the very same figures
    const again = await call(`/v1/reports/compliance?districtId=${a.district.id}&period=2025-Q3`, {
      key: a.auditorKey,
    });
    expect(again.body.items).toEqual(r.body.items);
    expect(row(r.body, a.branch.id)).toEqual({
      districtId: a.district.id,
      districtName: "测试区",
      branchId: a.branch.id,
      branchName: expect.any(String),
      dataAsOf: r.body.dataAsOf,
      kind: "branch",
      parentId: null,
      asOf: "2025-09-30",
      recordsFrom: "2010-07-01",
      noRecords: false,
      rolledUp: [],
      partyMembers: 3,
      // the district's cadence, year to the end of Q3: group 9 months (May, Sep missed), assemblies 3 quarters (Q2 missed)
      meetings: {
        required: 12,
        held: 9,
        missingPeriods: 3,
        periodsJudged: 12,
        periodsMet: 9,
        rate: 0.75,
        missing: [
          {
            code: "general_assembly_quarterly",
            kind: "general_assembly",
            label: "支部党员大会",
            per: "quarter",
            periods: ["2025-Q2"],
          },
          {
            code: "group_monthly",
            kind: "group",
            label: "党小组会",
            per: "month",
            periods: ["2025-05", "2025-09"],
          },
        ],
      },
      dues: { due: 8, paid: 5, rate: 0.625 },
      study: { members: 3, activeMembers: 2, points: 19, rate: 0.6667 },
      findings: { info: 1, warning: 1, severe: 1 },
      inspection: { period: "2025-Q2", score: 85, maxScore: 100, grade: "good", rate: 0.85 },
      pipeline: { applicant: 1, activist: 1, candidate: 0, probationary: 1, overdueSteps: 1 },
      // (30×0.75 + 20×0.625 + 20×0.6667 + 20×0.85 + 10×0.70) / 100
      score: 72.3,
      band: "fair",
    });
  });

  it("gives a unit with nothing to measure no score, and no meetings cadence to a general branch", async () => {
    const r = await call(`/v1/reports/compliance?districtId=${a.district.id}&period=2025-Q3`, {
      key: a.districtKey,
    });
    expect(row(r.body, general.id)).toMatchObject({
      kind: "general_branch",
      partyMembers: 0,
      meetings: null,
      dues: { due: 0, paid: 0, rate: null },
      study: { activeMembers: 0, rate: null },
      inspection: null,
      score: null,
      band: "none",
    });
    expect(r.body.summary).toEqual({
      branches: 2,
      averageScore: 72.3,
      bands: { good: 0, fair: 1, poor: 0, none: 1 },
    });
  });

  it("merges both shards for a key that sees every district", async () => {
    const r = await call("/v1/reports/compliance?period=2025-Q3");
    expect(r.status).toBe(200);
    const ids = r.body.districts.map((d: { id: string }) => d.id);
    expect(ids).toEqual(expect.arrayContaining([a.district.id, b.district.id]));
    expect(r.body.districts.find((d: { id: string }) => d.id === b.district.id).shard).toBe(1);
    // B keeps the default cadence: no committee, so no committee meetings; the yearly ones are due by December
    expect(row(r.body, b.branch.id)).toMatchObject({
      partyMembers: 2,
      meetings: { required: 26, held: 0, missingPeriods: 24, rate: 0 },
      dues: { due: 6, paid: 6, rate: 1 },
      study: { activeMembers: 2, points: 12, rate: 1 },
      findings: { info: 0, warning: 0, severe: 0 },
      inspection: null,
      // (0 + 20 + 20 + 10) / 80
      score: 62.5,
      band: "fair",
    });
    expect(row(r.body, a.branch.id)).toMatchObject({ score: 72.3 });
  });

  it("reads a month and a year as well as a quarter", async () => {
    const month = await call(`/v1/reports/compliance?districtId=${a.district.id}&period=2025-08`, {
      key: a.auditorKey,
    });
    // August: 3 members owed (丙 joined mid-August), 2 paid (甲, and 乙's July does not count)
    expect(row(month.body, a.branch.id)).toMatchObject({
      asOf: "2025-08-31",
      dues: { due: 3, paid: 1, rate: 0.3333 },
      study: { activeMembers: 2, points: 9 },
    });
    const year = await call(`/v1/reports/compliance?districtId=${a.district.id}&period=2025`, {
      key: a.auditorKey,
    });
    // the whole year: October's meeting counts, and 丙's October payment and study
    expect(row(year.body, a.branch.id)).toMatchObject({
      asOf: "2025-12-31",
      study: { activeMembers: 3, points: 26 },
    });
  });

  it("costs the same number of D1 queries for one branch as for forty", async () => {
    const one = await newTenant({ shard: 1 });
    const q = async (t: Tenant, lang: string) => {
      const r = await call(`/v1/reports/compliance?districtId=${t.district.id}&period=2025-Q3`, {
        key: t.districtKey,
        headers: { "accept-language": lang },
      });
      expect(r.status).toBe(200);
      return { queries: Number(r.headers.get("x-d1-queries")), branches: r.body.items.length };
    };
    const before = await q(one, "zh-CN");
    await manyBranches(one.district.id, 40);
    // in English: a report kept apart from the Chinese one, so this one is computed too
    const after = await q(one, "en");
    expect(before.branches).toBe(1);
    expect(after.branches).toBe(41);
    expect(after.queries).toBe(before.queries);
    // the key lookup; one directory batch of three with the districts' write counts; the counts in
    // the shard; then, with no rollup yet, the rollups probed, the facts read (seven aggregates and
    // the logs' heads) and the rollups stored
    expect(before.queries).toBe(1 + 4 + 1 + 1 + 8 + 1);
    // the kept Chinese answer is stale (a branch was added): its counts are read in the directory
    // and the shard, then the report is computed again, and the rollups answer: one shard
    // statement reading one row per branch
    const warm = await q(one, "zh-CN");
    expect(warm.branches).toBe(41);
    expect(warm.queries).toBe(1 + 2 + 4 + 1 + 1);
  });

  it("reads at most two rows per branch when its rollups are warm: the branch's directory entry and its rollup", async () => {
    const warmRows = async (t: Tenant) => {
      const url = `/v1/reports/compliance?districtId=${t.district.id}&period=2025-Q3`;
      expect((await call(url, { key: t.districtKey })).status).toBe(200);
      // in English: not the kept Chinese answer, so the directory and the rollups are read
      const r = await call(url, { key: t.districtKey, headers: { "accept-language": "en" } });
      return {
        rows: Number(r.headers.get("x-d1-rows-read")),
        branches: (r.body as { items: unknown[] }).items.length,
      };
    };
    const [small, large] = [await newTenant({ shard: 1 }), await newTenant({ shard: 1 })];
    await manyBranches(large.district.id, 40);
    const one = await warmRows(small);
    const many = await warmRows(large);
    expect(many.branches).toBe(one.branches + 40);
    // each branch costs one covering-index entry in the directory and one in the shard: no table
    // row fetched behind an index, no sort reading rows twice, no member or record
    expect(many.rows - one.rows).toBeLessThanOrEqual(2 * 40);
  });
});

describe("the development report", () => {
  it("counts the year's funnel per branch and per district, with overdue steps", async () => {
    const r = await call(`/v1/reports/development?districtId=${a.district.id}&year=2025`, {
      key: a.auditorKey,
    });
    expect(r.status).toBe(200);
    expect(row(r.body, a.branch.id)).toMatchObject({
      funnel: { applied: 2, activists: 1, candidates: 1, admitted: 1, full: 1 },
      closed: 1,
      open: { applicant: 1, activist: 1, candidate: 0, probationary: 1 },
      overdueSteps: 1,
      overdue: { application_talk_overdue: 1 },
    });
    expect(r.body.districts).toEqual([
      {
        districtId: a.district.id,
        districtName: "测试区",
        funnel: { applied: 2, activists: 1, candidates: 1, admitted: 1, full: 1 },
        conversion: { applied: null, activists: 0.5, candidates: 1, admitted: 1, full: 1 },
        closed: 1,
        open: { applicant: 1, activist: 1, candidate: 0, probationary: 1 },
        overdueSteps: 1,
        overdue: { application_talk_overdue: 1 },
        // the district names no required documents
        stepsMissingEvidence: 0,
        service: { confirmedHours: 0, people: 0 },
      },
    ]);
    const other = await call(`/v1/reports/development?districtId=${b.district.id}&year=2025`, {
      key: b.auditorKey,
    });
    expect(other.body.districts[0]).toMatchObject({ funnel: { applied: 1, activists: 0 }, overdueSteps: 0 });
    const earlier = await call(`/v1/reports/development?districtId=${a.district.id}&year=2024`, {
      key: a.auditorKey,
    });
    expect(earlier.body.districts[0].funnel).toEqual({
      applied: 1,
      activists: 0,
      candidates: 0,
      admitted: 1,
      full: 0,
    });
  });
});

describe("the study report", () => {
  it("gives each branch's activity and points for a month", async () => {
    const r = await call(`/v1/reports/study?districtId=${a.district.id}&month=2025-08`, {
      key: a.auditorKey,
    });
    expect(r.status).toBe(200);
    expect(r.body.month).toBe("2025-08");
    expect(row(r.body, a.branch.id)).toMatchObject({
      partyMembers: 3,
      activeMembers: 2,
      activityRate: 0.6667,
      points: 9,
      averagePoints: 3,
      activities: 9,
      activeDays: 2,
    });
    expect(row(r.body, general.id)).toMatchObject({
      partyMembers: 0,
      activityRate: null,
      averagePoints: null,
    });
  });
});

describe("the trends", () => {
  it("gives a branch month by month for the dashboard's charts", async () => {
    const r = await call(`/v1/reports/trends?branchId=${a.branch.id}&months=3&to=2025-09`, {
      key: a.auditorKey,
    });
    expect(r.status).toBe(200);
    expect(r.body.months).toEqual(["2025-07", "2025-08", "2025-09"]);
    const [jul, aug] = r.body.points;
    expect(aug).toMatchObject({
      partial: false,
      partyMembers: 3,
      study: { activeMembers: 2, points: 9, rate: 0.6667 },
      meetings: { total: 2, byKind: { group: 1, general_assembly: 1 } },
      dues: { due: 3, paid: 1, rate: 0.3333 },
    });
    // July as the branch recorded it: 甲 and the member who has left since studied
    expect(jul.study).toEqual({ activeMembers: 2, points: 13, rate: 1 });
    // in July 丙 had not joined: two owed and two paid (the July payment of the member who left does not count)
    expect(jul.dues).toEqual({ due: 2, paid: 2, rate: 1 });
  });
});
