import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addQuarters,
  isQuarter,
  isWithinMonth,
  monthEnd,
  quarterEnd,
  quarterMonths,
  quarterOf,
  quarterStart,
} from "./periods";

describe("quarters and months", () => {
  it("reads and bounds a quarter", () => {
    expect(isQuarter("2026-Q4")).toBe(true);
    expect(isQuarter("2026-Q5")).toBe(false);
    expect(isQuarter("2026-4")).toBe(false);
    expect(quarterOf("2026-11-27")).toBe("2026-Q4");
    expect(quarterOf("2026-03-31")).toBe("2026-Q1");
    expect(quarterMonths("2026-Q2")).toEqual(["2026-04", "2026-05", "2026-06"]);
    expect(quarterStart("2026-Q3")).toBe("2026-07-01");
    expect(quarterEnd("2026-Q1")).toBe("2026-03-31");
    expect(quarterEnd("2026-Q4")).toBe("2026-12-31");
  });

  it("steps across years", () => {
    expect(addQuarters("2026-Q4", 1)).toBe("2027-Q1");
    expect(addQuarters("2026-Q1", -1)).toBe("2025-Q4");
    expect(addQuarters("2026-Q2", -6)).toBe("2024-Q4");
  });

  it("knows the last day of every month, leap years included", () => {
    expect(monthEnd("2024-02")).toBe("2024-02-29");
    expect(monthEnd("2026-02")).toBe("2026-02-28");
    expect(monthEnd("2026-11")).toBe("2026-11-30");
    expect(isWithinMonth("2026-11-30", "2026-11")).toBe(true);
    expect(isWithinMonth("2026-12-01", "2026-11")).toBe(false);
  });

  it("puts every day of a quarter inside its bounds", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        (d) => {
          const date = d.toISOString().slice(0, 10);
          const q = quarterOf(date);
          expect(quarterStart(q) <= date && date <= quarterEnd(q)).toBe(true);
          expect(addQuarters(addQuarters(q, 5), -5)).toBe(q);
        },
      ),
    );
  });
});
