import { describe, expect, it } from "vitest";
import { pipelineDeadlines } from "../audits/module-rules";
import { addFunnels, emptyFunnel, funnelConversion, OVERDUE_STEP_RULES } from "./funnel";

describe("the development funnel", () => {
  it("adds branches and gives each stage as a share of the one before", () => {
    const a = { applied: 6, activists: 4, candidates: 2, admitted: 1, full: 0 };
    const b = { applied: 4, activists: 1, candidates: 2, admitted: 1, full: 2 };
    const total = addFunnels([a, b, emptyFunnel()]);
    expect(total).toEqual({ applied: 10, activists: 5, candidates: 4, admitted: 2, full: 2 });
    expect(funnelConversion(total)).toEqual({
      applied: null,
      activists: 0.5,
      candidates: 0.8,
      admitted: 0.5,
      full: 1,
    });
    expect(funnelConversion(emptyFunnel()).activists).toBeNull();
  });

  it("reads overdue steps from the audit's pipeline deadline findings", () => {
    expect(OVERDUE_STEP_RULES).toEqual(pipelineDeadlines.emits);
    expect(OVERDUE_STEP_RULES).toContain("application_talk_overdue");
  });
});
