import { describe, expect, it } from "vitest";
import { isReportPeriod, reportPeriod, trendMonths } from "./period";

describe("report periods", () => {
  it("reads years, quarters and months, and nothing else", () => {
    for (const ok of ["2026", "2026-Q1", "2026-Q4", "2026-01", "2026-12"])
      expect(isReportPeriod(ok)).toBe(true);
    for (const bad of ["26", "2026-Q5", "2026-13", "2026-1", "2026-11-01", "2026Q1"])
      expect(isReportPeriod(bad)).toBe(false);
    expect(() => reportPeriod("2026-Q5", "2026-11-27")).toThrow(RangeError);
  });

  it("covers an ended quarter whole", () => {
    expect(reportPeriod("2025-Q3", "2026-11-27")).toEqual({
      key: "2025-Q3",
      kind: "quarter",
      year: 2025,
      from: "2025-07-01",
      to: "2025-09-30",
      asOf: "2025-09-30",
      ended: true,
      months: ["2025-07", "2025-08", "2025-09"],
      duesMonths: ["2025-07", "2025-08", "2025-09"],
      studyKeys: ["2025-07", "2025-08", "2025-09"],
    });
  });

  it("looks up to today in a running year, judging dues only for ended months", () => {
    const p = reportPeriod(undefined, "2026-11-27");
    expect(p).toMatchObject({
      key: "2026",
      kind: "year",
      from: "2026-01-01",
      to: "2026-12-31",
      asOf: "2026-11-27",
      ended: false,
    });
    expect(p.months).toHaveLength(11);
    expect(p.duesMonths.at(-1)).toBe("2026-10");
    expect(p.studyKeys).toEqual(["2026"]);
  });

  it("judges the running month's dues when it is the whole period", () => {
    const p = reportPeriod("2026-11", "2026-11-27");
    expect(p.duesMonths).toEqual(["2026-11"]);
    expect(p.asOf).toBe("2026-11-27");
  });

  it("has nothing to count before a period begins", () => {
    const p = reportPeriod("2027", "2026-11-27");
    expect(p.months).toEqual([]);
    expect(p.duesMonths).toEqual([]);
    expect(p.studyKeys).toEqual([]);
  });

  it("gives the trend window oldest first, across a year boundary", () => {
    expect(trendMonths(3, "2026-02-10")).toEqual(["2025-12", "2026-01", "2026-02"]);
    expect(trendMonths(12, "2026-11-27")).toHaveLength(12);
  });
});
