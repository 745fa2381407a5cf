import { describe, expect, it } from "vitest";
import { WorkingCalendar } from "./working-days";

describe("working calendar", () => {
  const cal = new WorkingCalendar();

  it("skips the National Day golden week and counts its make-up Saturday", () => {
    // 2026: Oct 1–7 off; Sat Oct 10 is a make-up workday (调休).
    expect(cal.isWorkingDay("2026-10-05")).toBe(false);
    expect(cal.isWorkingDay("2026-10-10")).toBe(true);
    expect(cal.isWorkingDay("2026-10-11")).toBe(false);
    // Sep 30 (Wed) + 5 working days: Oct 8, 9, 10 (Sat, make-up), 12, 13.
    expect(cal.addWorkingDays("2026-09-30", 5)).toBe("2026-10-13");
    expect(cal.countWorkingDays("2026-10-01", "2026-10-13")).toBe(5);
  });

  it("treats plain weekends as days off and weekdays as working days", () => {
    expect(cal.isWorkingDay("2026-11-28")).toBe(false); // Saturday
    expect(cal.isWorkingDay("2026-11-27")).toBe(true); // Friday
  });

  it("lets a platform admin's days override the bundled data", () => {
    const amended = new WorkingCalendar([
      { date: "2027-01-01", kind: "holiday", name: "元旦" },
      { date: "2026-10-10", kind: "holiday" },
    ]);
    expect(amended.isWorkingDay("2027-01-01")).toBe(false);
    expect(amended.isWorkingDay("2026-10-10")).toBe(false);
    const plain = new WorkingCalendar([], false);
    expect(plain.isWorkingDay("2026-10-05")).toBe(true);
  });
});
