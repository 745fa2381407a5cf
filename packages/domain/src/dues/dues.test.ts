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
    expect(arrearsSeverity(a.consecutive)).toBe("warning");
    expect(arrearsSeverity(6)).toBe("severe");
    expect(arrearsSeverity(2)).toBe("none");
  });
});
