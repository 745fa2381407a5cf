import { describe, expect, it } from "vitest";
import { foldHistory, type HistoryStep } from "./history";
import { nextSteps } from "./machine";
import { DEFAULT_PIPELINE_RULES } from "./rules";

const today = "2026-11-27";
const applicant = { status: "applicant" as const, joinedOn: null };

/** A candidate designated 8 months after becoming an activist (the branch's call then, history now). */
const candidate: HistoryStep[] = [
  { step: "application", occurredOn: "2025-09-01" },
  { step: "application_talk", occurredOn: "2025-09-15" },
  { step: "activist_designation", occurredOn: "2026-03-27" },
  { step: "activist_filing", occurredOn: "2026-04-01" },
  { step: "contacts_assigned", occurredOn: "2026-04-02" },
  { step: "cultivation_review", occurredOn: "2026-09-20" },
  { step: "candidate_designation", occurredOn: "2026-11-20" },
];

describe("a development case imported from a branch's files", () => {
  it("is folded as history, not re-judged, and the next step is judged normally", () => {
    const v = foldHistory("1998-05-01", candidate, today, DEFAULT_PIPELINE_RULES, applicant);
    if (!v.ok) throw new Error(JSON.stringify(v.failures));
    expect(v.state.stage).toBe("candidate");
    expect(v.state.steps.every((s) => s.imported)).toBe(true);
    expect(v.member).toEqual({ status: "candidate" });
    // the steps to come are judged normally: once everything before the vote is recorded, the vote
    // still waits for 12 months after the activist date
    const ready = foldHistory(
      "1998-05-01",
      [
        ...candidate,
        { step: "candidate_filing", occurredOn: "2026-11-21" },
        { step: "introducers_assigned", occurredOn: "2026-11-21" },
        { step: "political_review", occurredOn: "2026-11-22" },
        { step: "intensive_training", occurredOn: "2026-11-23" },
        { step: "committee_review", occurredOn: "2026-11-24" },
        { step: "pre_review", occurredOn: "2026-11-25" },
        { step: "application_form", occurredOn: "2026-11-26" },
      ],
      today,
      DEFAULT_PIPELINE_RULES,
      applicant,
    );
    if (!ready.ok) throw new Error(JSON.stringify(ready.failures));
    const vote = nextSteps(
      ready.state,
      { today: "2027-01-10", openComplaints: 0 },
      DEFAULT_PIPELINE_RULES,
    ).find((n) => n.step === "admission_vote");
    expect(vote?.blockers.map((b) => b.rule)).toContain("cultivation_under_one_year");
    expect(vote?.blockers.find((b) => b.rule === "cultivation_under_one_year")?.facts).toMatchObject({
      earliest: "2027-03-27",
    });
  });

  it("takes imported political review and training as done", () => {
    const further: HistoryStep[] = [
      ...candidate,
      { step: "candidate_filing", occurredOn: "2026-11-21" },
      { step: "introducers_assigned", occurredOn: "2026-11-21" },
      { step: "political_review", occurredOn: "2026-11-22" },
      { step: "intensive_training", occurredOn: "2026-11-23" },
    ];
    const v = foldHistory("1998-05-01", further, today, DEFAULT_PIPELINE_RULES, applicant);
    if (!v.ok) throw new Error(JSON.stringify(v.failures));
    const review = nextSteps(v.state, { today, openComplaints: 0 }, DEFAULT_PIPELINE_RULES).find(
      (n) => n.step === "committee_review",
    );
    expect(review).toMatchObject({ allowed: true, blockers: [] });
  });

  it("refuses a step out of order, one without the steps it needs, a date after today, and an ended case", () => {
    const fold = (steps: HistoryStep[]) =>
      foldHistory("1998-05-01", steps, today, DEFAULT_PIPELINE_RULES, applicant);
    const early = fold([
      ...candidate.slice(0, 2),
      { step: "activist_designation", occurredOn: "2025-09-10" },
    ]);
    expect(early.ok ? [] : early.failures.map((f) => f.rule)).toEqual(["step_date_order"]);
    const gap = fold([candidate[0]!, { step: "activist_designation", occurredOn: "2025-10-01" }]);
    expect(gap.ok ? [] : gap.failures.map((f) => f.rule)).toEqual(["procedure_incomplete"]);
    const future = fold([{ step: "application", occurredOn: "2027-01-01" }]);
    expect(future.ok ? [] : future.failures.map((f) => f.rule)).toEqual(["step_date_in_future"]);
    const none = fold([{ step: "application_talk", occurredOn: "2025-01-01" }]);
    expect(none.ok ? [] : none.failures.map((f) => f.rule)).toEqual(["application_missing"]);
    const ended = fold([...candidate, { step: "archive", occurredOn: "2026-11-25" }]);
    expect(ended.ok ? [] : ended.failures.map((f) => f.rule)).toEqual(["history_step_not_importable"]);
  });

  it("sets the joining date from the admission vote when the file reaches admission", () => {
    const admitted: HistoryStep[] = [
      ...candidate.map((s) => ({
        ...s,
        occurredOn: s.occurredOn.replace("2026", "2024").replace("2025", "2023"),
      })),
      { step: "candidate_filing", occurredOn: "2024-11-21" },
      { step: "introducers_assigned", occurredOn: "2024-11-21" },
      { step: "political_review", occurredOn: "2024-11-22" },
      { step: "intensive_training", occurredOn: "2024-11-23" },
      { step: "committee_review", occurredOn: "2024-12-01" },
      { step: "pre_review", occurredOn: "2024-12-05" },
      { step: "application_form", occurredOn: "2024-12-20" },
      { step: "admission_vote", occurredOn: "2025-01-10" },
      { step: "upper_talk", occurredOn: "2025-01-20" },
      { step: "admission_approval", occurredOn: "2025-02-01" },
    ];
    const v = foldHistory("1998-05-01", admitted, today, DEFAULT_PIPELINE_RULES, applicant);
    if (!v.ok) throw new Error(JSON.stringify(v.failures));
    expect(v.state).toMatchObject({ stage: "probationary", probationEndsOn: "2026-01-10" });
    expect(v.member).toEqual({ status: "probationary", joinedOn: "2025-01-10" });
  });
});
