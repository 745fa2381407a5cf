import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { call, newBranch } from "./harness";
import { memberFixture, met, newTenant, pay, studied, tc } from "./harness.reports";

/**
 * Hand-computed fixtures for a district that adopted the platform mid-year: a branch whose records
 * start on 1 August 2025 with a member transferred in on 15 August, and a 党总支 with two branches.
 */
let t: Awaited<ReturnType<typeof newTenant>>;
let mid: { id: string };
let general: { id: string };
let east: { id: string };
let west: { id: string };

const unit = async (body: Record<string, unknown>) => {
  const r = await call(`/v1/districts/${t.district.id}/branches`, { key: t.districtKey, body });
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  return r.body as { id: string };
};

beforeAll(async () => {
  t = await newTenant();
  mid = await newBranch(t.district.id, t.districtKey, "八月上线党支部", "2025-08-01");
  const m = tc(t, mid.id);
  const settled = await memberFixture(m, { name: "老党员", joinedBranchOn: "2025-08-01" });
  const moved = await memberFixture(m, { name: "转入党员", joinedBranchOn: "2025-08-15" });
  // June is history from before the records; the months judged are August (settled) and September (both)
  await pay(m, settled.id, ["2025-06", "2025-08"]);
  await pay(m, moved.id, ["2025-09"]);
  await met(m, "group", "2025-03-10"); // history: neither blames nor credits
  await met(m, "group", "2025-08-10");
  await met(m, "theme_day", "2025-08-20");
  await met(m, "theme_day", "2025-09-20");
  await studied(m, settled.id, "2025-09", 12);

  general = await unit({
    name: "机关党总支",
    kind: "general_branch",
    foundedOn: "2000-07-01",
    recordsFrom: "2000-07-01",
  });
  east = await unit({
    name: "东片党支部",
    kind: "branch",
    parentId: general.id,
    foundedOn: "2000-07-01",
    recordsFrom: "2010-01-01",
  });
  west = await unit({
    name: "西片党支部",
    kind: "branch",
    parentId: general.id,
    foundedOn: "2000-07-01",
    recordsFrom: "2010-01-01",
  });
  const e = await memberFixture(tc(t, east.id), { name: "东片党员" });
  const w = await memberFixture(tc(t, west.id), { name: "西片党员" });
  await pay(tc(t, east.id), e.id, ["2025-07", "2025-08", "2025-09"]);
  await pay(tc(t, west.id), w.id, ["2025-07"]);
});

const row = (body: { items: { branchId: string }[] }, id: string) =>
  body.items.find((r) => r.branchId === id) as unknown as Record<string, unknown> & {
    meetings: Record<string, unknown> | null;
  };

describe("reports of a district that adopted the platform mid-year", () => {
  it("judge the mid-year branch only from its records start, the transferred member from their first whole month", async () => {
    const r = await call(`/v1/reports/compliance?districtId=${t.district.id}&period=2025-Q3`, {
      key: t.auditorKey,
    });
    expect(r.status).toBe(200);
    expect(row(r.body, mid.id)).toMatchObject({
      recordsFrom: "2025-08-01",
      noRecords: false,
      partyMembers: 2,
      // no committee; monthly group and theme day judged in Aug and Sep; Q3 and the year straddle the start
      meetings: {
        required: 4,
        held: 3,
        missingPeriods: 1,
        periodsJudged: 4,
        periodsMet: 3,
        rate: 0.75,
        missing: [{ code: "group_monthly", label: "党小组会", periods: ["2025-09"] }],
      },
      // settled: Aug, Sep owed, Aug paid; moved (15 Aug): Sep owed and paid; June is not judged
      dues: { due: 3, paid: 2, rate: 0.6667 },
      study: { members: 2, activeMembers: 1, points: 12, rate: 0.5 },
      // (30×0.75 + 20×0.6667 + 20×0.5 + 10×1) / 80
      score: 69.8,
      band: "fair",
    });
  });

  it("say 'no records' for a period before the records start, never 0 %", async () => {
    const r = await call(`/v1/reports/compliance?districtId=${t.district.id}&period=2025-Q2`, {
      key: t.auditorKey,
    });
    expect(row(r.body, mid.id)).toMatchObject({
      noRecords: true,
      meetings: null,
      dues: { due: 0, paid: 0, rate: null },
      study: { rate: null },
      score: null,
      band: "none",
    });
    const csv = await call(`/v1/reports/compliance?districtId=${t.district.id}&period=2025-Q2`, {
      key: t.auditorKey,
      headers: { accept: "text/csv" },
    });
    const rows = parse((csv.body as string).slice(1)) as string[][];
    const header = rows[0]!;
    const line = rows.find((x) => x[header.indexOf("组织名称")] === "八月上线党支部")!;
    expect(line[header.indexOf("等级")]).toBe("无记录");
    expect(line[header.indexOf("党费收缴率(按人月)")]).toBe("无记录");
  });

  it("roll a 党总支 up from its two branches, with rates from the sums", async () => {
    const r = await call(`/v1/reports/compliance?districtId=${t.district.id}&period=2025-Q3`, {
      key: t.auditorKey,
    });
    const g = row(r.body, general.id);
    const e = row(r.body, east.id);
    const w = row(r.body, west.id);
    expect(e).toMatchObject({ dues: { due: 3, paid: 3, rate: 1 } });
    expect(w).toMatchObject({ dues: { due: 3, paid: 1, rate: 0.3333 } });
    expect(g).toMatchObject({
      kind: "general_branch",
      rolledUp: [east.id, west.id],
      partyMembers: 2,
      dues: { due: 6, paid: 4, rate: 0.6667 },
    });
    const em = e.meetings as { periodsJudged: number; periodsMet: number };
    const wm = w.meetings as { periodsJudged: number; periodsMet: number };
    expect(g.meetings).toMatchObject({
      periodsJudged: em.periodsJudged + wm.periodsJudged,
      periodsMet: 0,
      rate: 0,
    });
    // the CSV says which branches the row adds up and what each rate counts
    const csv = await call(`/v1/reports/compliance?districtId=${t.district.id}&period=2025-Q3`, {
      key: t.auditorKey,
      headers: { accept: "text/csv" },
    });
    const rows = parse((csv.body as string).slice(1)) as string[][];
    const header = rows[0]!;
    const line = rows.find((x) => x[header.indexOf("组织名称")] === "机关党总支")!;
    expect(line[header.indexOf("类型")]).toBe("党总支");
    expect(line[header.indexOf("党费收缴率(按人月)")]).toBe("66.7%");
    expect(line[header.indexOf("汇总下级组织")]).toBe(`${east.id} ${west.id}`);
    const midLine = rows.find((x) => x[header.indexOf("组织名称")] === "八月上线党支部")!;
    expect(midLine[header.indexOf("缺会明细")]).toBe("党小组会: 2025-09");
    expect(midLine[header.indexOf("会议达标率(按期)")]).toBe("75.0%");
  });
});

describe("trends of a branch that adopted the platform mid-year", () => {
  it("count nothing of it before the first month of its records", async () => {
    const r = await call(
      `/v1/reports/trends?districtId=${t.district.id}&branchId=${mid.id}&months=12&to=2025-12`,
      {
        key: t.auditorKey,
      },
    );
    expect(r.status).toBe(200);
    const at = (month: string) => r.body.points.find((p: { month: string }) => p.month === month);
    // June's payment and March's meeting are history from before the records
    expect(at("2025-06")).toMatchObject({
      partyMembers: 0,
      dues: { paid: 0, rate: null },
      meetings: { total: 0 },
    });
    expect(at("2025-03")).toMatchObject({ partyMembers: 0, meetings: { total: 0 } });
    // August: only the member settled since 1 August counts; September: both
    expect(at("2025-08")).toMatchObject({
      partyMembers: 1,
      dues: { due: 1, paid: 1 },
      meetings: { total: 2 },
    });
    expect(at("2025-09")).toMatchObject({ partyMembers: 2, dues: { due: 2, paid: 1, rate: 0.5 } });
  });
});

describe("the study report of a branch that adopted the platform mid-year", () => {
  it("has no records for a month before its records start", async () => {
    const july = await call(`/v1/reports/study?districtId=${t.district.id}&month=2025-07`, {
      key: t.auditorKey,
    });
    expect(row(july.body, mid.id)).toMatchObject({
      noRecords: true,
      activityRate: null,
      averagePoints: null,
    });
    const sept = await call(`/v1/reports/study?districtId=${t.district.id}&month=2025-09`, {
      key: t.auditorKey,
    });
    expect(row(sept.body, mid.id)).toMatchObject({ noRecords: false, activeMembers: 1, points: 12 });
  });
});
