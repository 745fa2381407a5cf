import { describe, expect, it } from "vitest";
import { arrears, arrearsSeverity, monthlyDueFen } from "./dues";

describe("monthly dues (党费规定 2008)", () => {
  it.each([
    ["employed", 2800, 1400],
    ["employed", 3000, 1500],
    ["employed", 3000.01, 3000],
    ["employed", 5000, 5000],
    ["employed", 8000, 12000],
    ["employed", 10000, 15000],
    ["employed", 12000, 24000],
    ["retired", 4000, 2000],
    ["retired", 6000, 6000],
  ] as const)("%s with %d yuan pays %d fen", (category, income, fen) => {
    expect(monthlyDueFen({ category, monthlyIncome: income })).toBe(fen);
  });

  it("charges farmers a fixed amount within 0.2–1 yuan and students 0.2 yuan", () => {
    expect(monthlyDueFen({ category: "farmer", monthlyIncome: 0 })).toBe(50);
    expect(monthlyDueFen({ category: "farmer", monthlyIncome: 0, fixedFen: 500 })).toBe(100);
    expect(monthlyDueFen({ category: "student", monthlyIncome: 9000 })).toBe(20);
    expect(monthlyDueFen({ category: "relief", monthlyIncome: 0 })).toBe(20);
  });

  it("counts unpaid months and the run ending at the month looked at", () => {
    const paid = new Set(["2024-01", "2024-02", "2024-04"]);
    const a = arrears({ since: "2024-01", asOf: "2024-07", paidMonths: paid });
    expect(a.unpaid).toEqual(["2024-03", "2024-05", "2024-06", "2024-07"]);
    expect(a.consecutive).toBe(3);
    expect(a.late).toEqual(a.unpaid);
    expect(arrearsSeverity(a.consecutive)).toBe("warning");
    expect(arrearsSeverity(6)).toBe("severe");
    expect(arrearsSeverity(2)).toBe("none");
  });

  it("does not count the month under way until it ends, and a payment for it ends the run", () => {
    const paid = new Set(["2024-01"]);
    // Feb–Jul unpaid; looked at in July while July is under way: Feb–Jun are late, July not yet
    const open = arrears({ since: "2024-01", asOf: "2024-07", paidMonths: paid, current: "2024-07" });
    expect(open.unpaid).toEqual(["2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07"]);
    expect(open.consecutive).toBe(5);
    expect(open.late).toEqual(["2024-02", "2024-03", "2024-04", "2024-05", "2024-06"]);
    expect(arrearsSeverity(open.consecutive)).toBe("warning");
    // the same months looked at once July has ended: six in a row
    expect(
      arrears({ since: "2024-01", asOf: "2024-07", paidMonths: paid, current: "2024-08" }).consecutive,
    ).toBe(6);
    // July paid while under way: the run ends at it
    const paidNow = new Set([...paid, "2024-07"]);
    expect(
      arrears({ since: "2024-01", asOf: "2024-07", paidMonths: paidNow, current: "2024-07" }).consecutive,
    ).toBe(0);
    // a member who owes from this month only owes nothing late
    expect(
      arrears({ since: "2024-07", asOf: "2024-07", paidMonths: new Set(), current: "2024-07" }).consecutive,
    ).toBe(0);
  });
});
