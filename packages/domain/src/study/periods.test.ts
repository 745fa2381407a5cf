import { describe, expect, it } from "vitest";
import { isoWeekKey, mondayOf, periodKeysOf, periodOf } from "./periods";

describe("study periods", () => {
  it("numbers weeks the ISO way, Monday first, across year ends", () => {
    expect(mondayOf("2026-11-27")).toBe("2026-11-23");
    expect(mondayOf("2026-11-23")).toBe("2026-11-23");
    expect(mondayOf("2026-11-29")).toBe("2026-11-23");
    expect(isoWeekKey("2026-11-27")).toBe("2026-W48");
    // 2026-01-01 is a Thursday: week 1 of 2026
    expect(isoWeekKey("2026-01-01")).toBe("2026-W01");
    // 2027-01-01 is a Friday: it still belongs to 2026's last week
    expect(isoWeekKey("2027-01-01")).toBe("2026-W53");
    expect(isoWeekKey("2024-12-30")).toBe("2025-W01");
  });

  it("gives each period's key and bounds", () => {
    expect(periodOf("day", "2026-02-14")).toEqual({
      period: "day",
      key: "2026-02-14",
      from: "2026-02-14",
      to: "2026-02-14",
    });
    expect(periodOf("week", "2026-02-14")).toMatchObject({
      key: "2026-W07",
      from: "2026-02-09",
      to: "2026-02-15",
    });
    expect(periodOf("month", "2024-02-14")).toMatchObject({
      key: "2024-02",
      from: "2024-02-01",
      to: "2024-02-29",
    });
    expect(periodOf("year", "2026-02-14")).toMatchObject({
      key: "2026",
      from: "2026-01-01",
      to: "2026-12-31",
    });
    expect(periodKeysOf("2026-11-27")).toEqual(["2026-11-27", "2026-W48", "2026-11", "2026"]);
  });
});
