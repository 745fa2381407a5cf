import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addMonthsToMonth,
  daysBetween,
  isIsoDate,
  isIsoMonth,
  monthRange,
  todayIn,
  yearsBetween,
} from "./dates";

describe("calendar dates", () => {
  it("validates real dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-13-01")).toBe(false);
    expect(isIsoDate("2024-1-01")).toBe(false);
    expect(isIsoMonth("2024-12")).toBe(true);
    expect(isIsoMonth("2024-00")).toBe(false);
  });

  it("adds months clamping to the month's end", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2024-11-15", 3)).toBe("2025-02-15");
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
  });

  it("counts days and completed years", () => {
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(daysBetween("2024-01-01", "2024-03-01")).toBe(60);
    expect(yearsBetween("2006-06-15", "2024-06-14")).toBe(17);
    expect(yearsBetween("2006-06-15", "2024-06-15")).toBe(18);
  });

  it("lists months inclusively", () => {
    expect(monthRange("2024-11", "2025-02")).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(monthRange("2025-02", "2024-11")).toEqual([]);
  });

  it("adds months to a month across years, both ways, and refuses what is not a month", () => {
    expect(addMonthsToMonth("2024-12", 1)).toBe("2025-01");
    expect(addMonthsToMonth("2025-01", -1)).toBe("2024-12");
    expect(addMonthsToMonth("2024-03", -27)).toBe("2021-12");
    expect(addMonthsToMonth("2024-03", 24)).toBe("2026-03");
    expect(addMonthsToMonth("2024-03", 0)).toBe("2024-03");
    expect(() => addMonthsToMonth("2024-13", 1)).toThrow(RangeError);
    expect(() => addMonthsToMonth("2024-3", 1)).toThrow(RangeError);
    // the same months as stepping a day in the month by Date, over four years either way
    for (let k = -48; k <= 48; k++)
      expect(addMonthsToMonth("2024-05", k)).toBe(addMonths("2024-05-01", k).slice(0, 7));
  });

  it("reads today in the district's time zone", () => {
    const lateUtc = new Date("2024-06-30T17:30:00Z");
    expect(todayIn("Asia/Shanghai", lateUtc)).toBe("2024-07-01");
    expect(todayIn("UTC", lateUtc)).toBe("2024-06-30");
    // a zone's formatter is kept: asked again, in turn with another zone, each keeps its own day
    expect(todayIn("Asia/Shanghai", lateUtc)).toBe("2024-07-01");
    expect(todayIn("America/New_York", lateUtc)).toBe("2024-06-30");
    expect(todayIn("UTC", new Date("2024-07-01T00:00:00Z"))).toBe("2024-07-01");
    expect(() => todayIn("Mars/Olympus_Mons", lateUtc)).toThrow(RangeError);
  });
});
