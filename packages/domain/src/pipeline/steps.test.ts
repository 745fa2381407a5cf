import { describe, expect, it } from "vitest";
import { STEP_CODES, STEPS, stepDefinition } from "./steps";

describe("the 25 steps", () => {
  it("are numbered 1 to 25 in the order of the 细则", () => {
    expect(STEPS.map((s) => s.number)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(STEPS.map((s) => s.code)).toEqual([...STEP_CODES]);
  });

  it("require only earlier steps, so the table has no cycle", () => {
    for (const s of STEPS) {
      for (const r of s.requires) expect(stepDefinition(r).number).toBeLessThan(s.number);
    }
  });

  it("reserve the upper committee's steps to it", () => {
    expect(STEPS.filter((s) => s.recordedBy === "upper").map((s) => s.number)).toEqual([
      4, 8, 11, 13, 16, 17, 18, 24,
    ]);
  });

  it("make every step before 24 a transitive requirement of full membership approval", () => {
    const need = new Set<string>();
    const visit = (code: (typeof STEP_CODES)[number]) => {
      for (const r of stepDefinition(code).requires) {
        need.add(r);
        visit(r);
      }
    };
    visit("full_membership_approval");
    expect(need.size).toBe(23);
  });
});
