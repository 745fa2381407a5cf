import { describe, expect, it } from "vitest";
import {
  beforeRecords,
  checkRecordsFrom,
  firstJudgedMonth,
  judgedMonths,
  periodJudged,
  recordsStart,
} from "./records-from";

describe("records start", () => {
  it("is the latest start that applies", () => {
    expect(recordsStart("2026-09-01", null, "2026-10-15", undefined)).toBe("2026-10-15");
    expect(recordsStart(null, undefined)).toBeNull();
  });

  it("judges a period only when it starts on or after the records start", () => {
    expect(periodJudged("2026-09-01", "2026-09-01")).toBe(true);
    expect(periodJudged("2026-07-01", "2026-09-01")).toBe(false); // Q3 straddles: not judged
    expect(periodJudged("2026-10-01", "2026-09-01")).toBe(true);
    expect(periodJudged("2026-01-01", null)).toBe(true);
  });

  it("counts months from the first whole month", () => {
    expect(firstJudgedMonth("2026-09-01")).toBe("2026-09");
    expect(firstJudgedMonth("2026-09-02")).toBe("2026-10");
    expect(firstJudgedMonth("2026-12-15")).toBe("2027-01");
    expect(judgedMonths(["2026-08", "2026-09", "2026-10"], "2026-09-01")).toEqual(["2026-09", "2026-10"]);
    expect(judgedMonths(["2026-08", "2026-09"], "2026-09-20")).toEqual([]);
    expect(judgedMonths(["2026-08"], null)).toEqual(["2026-08"]);
  });

  it("knows a period wholly before the records as having no records", () => {
    expect(beforeRecords("2026-06-30", "2026-09-01")).toBe(true);
    expect(beforeRecords("2026-09-30", "2026-09-01")).toBe(false);
    expect(beforeRecords("2026-06-30", null)).toBe(false);
  });

  it("refuses a start in the future or before the founding", () => {
    expect(checkRecordsFrom("2026-09-01", "2003-07-01", "2026-12-03")).toEqual([]);
    expect(checkRecordsFrom("2027-01-01", "2003-07-01", "2026-12-03").map((f) => f.rule)).toEqual([
      "records_from_in_future",
    ]);
    expect(checkRecordsFrom("2001-01-01", "2003-07-01", "2026-12-03").map((f) => f.rule)).toEqual([
      "records_from_before_founding",
    ]);
  });
});
