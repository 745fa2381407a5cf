import { describe, expect, it } from "vitest";
import { deadlines, overdueSteps } from "./deadlines";
import { nextSteps, recordStep } from "./machine";
import { DEFAULT_PIPELINE_RULES as RULES } from "./rules";
import { facts, HAPPY_PATH, until, walk } from "./testing";

describe("deadlines (warnings, never blocks)", () => {
  it("wants the talk within a month of the application, and flags it once missed", () => {
    const applied = walk(until("application_talk"));
    expect(deadlines(applied, RULES)).toMatchObject([{ step: "application_talk", dueBy: "2023-04-01" }]);
    expect(overdueSteps(applied, "2023-04-01", RULES)).toEqual([]);
    const [late] = overdueSteps(applied, "2023-04-11", RULES);
    expect(late).toMatchObject({
      step: "application_talk",
      rule: "application_talk_overdue",
      daysOverdue: 10,
      failure: {
        rule: "application_talk_overdue",
        severity: "warning",
        facts: { dueBy: "2023-04-01", daysOverdue: 10 },
      },
    });
    expect(nextSteps(applied, facts({ today: "2023-04-11" }), RULES)[0]).toMatchObject({
      step: "application_talk",
      allowed: true,
      dueBy: "2023-04-01",
    });
  });

  it("records a late talk with a warning instead of refusing it", () => {
    const applied = walk(until("application_talk"));
    const v = recordStep(applied, { ...HAPPY_PATH[1]!, occurredOn: "2023-04-20" } as never, facts(), RULES);
    expect(v).toMatchObject({
      ok: true,
      warnings: [{ rule: "application_talk_overdue", facts: { daysLate: 19 } }],
    });
  });

  it("wants an activist reviewed every 6 months, counted from the last review", () => {
    const reviewedOnce = walk(until("cultivation_review").concat(HAPPY_PATH[5]!));
    expect(deadlines(reviewedOnce, RULES)).toMatchObject([
      { step: "cultivation_review", dueBy: "2024-04-10" },
    ]);
    expect(overdueSteps(reviewedOnce, "2024-06-01", RULES).map((d) => d.rule)).toEqual([
      "cultivation_review_overdue",
    ]);
    const notYet = walk(until("cultivation_review"));
    expect(deadlines(notYet, RULES)).toMatchObject([{ step: "cultivation_review", dueBy: "2023-10-15" }]);
  });

  it("wants approval within 3 months of the admission vote", () => {
    const voted = walk(until("upper_talk"));
    expect(overdueSteps(voted, "2025-02-01", RULES)).toMatchObject([
      { step: "admission_approval", rule: "admission_approval_overdue", dueBy: "2025-01-28" },
    ]);
  });

  it("wants the full-membership request by probation expiry and approval 3 months after the vote", () => {
    const probation = walk(until("full_membership_request"));
    expect(overdueSteps(probation, "2025-11-01", RULES)).toMatchObject([
      { step: "full_membership_request", rule: "full_membership_request_overdue", dueBy: "2025-10-28" },
    ]);
    const voted = walk(until("full_membership_approval"));
    expect(overdueSteps(voted, "2026-02-01", RULES)).toMatchObject([
      { step: "full_membership_approval", dueBy: "2026-01-29" },
    ]);
  });

  it("has none for a full member", () => {
    expect(deadlines(walk(HAPPY_PATH), RULES)).toEqual([]);
  });
});
