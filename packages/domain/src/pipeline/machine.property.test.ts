import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths } from "../calendar/dates";
import type { StepRecord } from "./data";
import { recordStep } from "./machine";
import { DEFAULT_PIPELINE_RULES as RULES } from "./rules";
import { type CaseState, openingState } from "./state";
import { STEP_CODES, STEPS, stageRank, stepDefinition } from "./steps";
import { BIRTH_DATE, facts, HAPPY_PATH, PEOPLE, TODAY, VOTE } from "./testing";
import { checkVote } from "./votes";

/** Proposals a careless or hostile client might send: the happy path's, and wrong ones. */
const VARIANTS: StepRecord[] = [
  ...HAPPY_PATH,
  { step: "application_talk", occurredOn: "2023-05-20", data: { talkerIds: ["mb_stranger"] } },
  { step: "contacts_assigned", occurredOn: "2023-04-20", data: { contactIds: [] } },
  { step: "contacts_assigned", occurredOn: "2023-04-20", data: { contactIds: [PEOPLE.contact1] } },
  {
    step: "cultivation_review",
    occurredOn: "2024-04-01",
    data: { thought: "ordinary", work: "good", trainingHours: 0 },
  },
  { step: "candidate_designation", occurredOn: "2024-03-01", data: { opinionsHeard: ["group", "masses"] } },
  { step: "introducers_assigned", occurredOn: "2024-05-06", data: { introducerIds: [PEOPLE.intro1] } },
  {
    step: "introducers_assigned",
    occurredOn: "2024-05-06",
    data: { introducerIds: [PEOPLE.intro1, PEOPLE.intro2, PEOPLE.secretary] },
  },
  { step: "political_review", occurredOn: "2024-06-14", data: { conclusion: "failed" } },
  { step: "intensive_training", occurredOn: "2024-07-08", data: { hours: 8, days: 1 } },
  {
    step: "pre_review",
    occurredOn: "2024-10-15",
    data: { publicity: { from: "2024-09-27", to: "2024-10-08" } },
  },
  {
    step: "admission_vote",
    occurredOn: "2024-10-28",
    data: { ...VOTE, present: 5, for: 4, against: 1, writtenOpinions: { for: 0, against: 0, abstain: 0 } },
  },
  {
    step: "full_membership_vote",
    occurredOn: "2025-10-29",
    data: { ...VOTE, outcome: "extend", extensionMonths: 6 },
  },
  {
    step: "full_membership_vote",
    occurredOn: "2025-10-29",
    data: { ...VOTE, outcome: "extend", extensionMonths: 2 },
  },
  { step: "full_membership_vote", occurredOn: "2026-05-01", data: { ...VOTE, outcome: "full" } },
  { step: "full_membership_vote", occurredOn: "2025-10-29", data: { ...VOTE, outcome: "disqualify" } },
  { step: "full_membership_request", occurredOn: "2026-04-20", data: {} },
  { step: "full_membership_approval", occurredOn: "2026-06-01", data: {} },
];

const proposal = fc
  .record({ base: fc.constantFrom(...VARIANTS), shift: fc.integer({ min: -400, max: 400 }) })
  .map(({ base, shift }) => ({ ...base, occurredOn: addDays(base.occurredOn, shift) }) as StepRecord);

type Mutation =
  | { kind: "drop" | "swap"; at: number }
  | { kind: "shift"; at: number; days: number }
  | { kind: "insert" | "replace"; at: number; with: StepRecord };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom("drop" as const, "swap" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("shift" as const), at: fc.nat(), days: fc.integer({ min: -200, max: 200 }) }),
  fc.record({ kind: fc.constantFrom("insert" as const, "replace" as const), at: fc.nat(), with: proposal }),
);

function mutate(path: readonly StepRecord[], mutations: Mutation[]): StepRecord[] {
  const out = [...path];
  for (const m of mutations) {
    const i = m.at % out.length;
    if (m.kind === "drop") out.splice(i, 1);
    else if (m.kind === "swap" && i + 1 < out.length) [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
    else if (m.kind === "shift") out[i] = { ...out[i]!, occurredOn: addDays(out[i]!.occurredOn, m.days) };
    else if (m.kind === "insert") out.splice(i, 0, m.with);
    else if (m.kind === "replace") out[i] = m.with;
  }
  return out;
}

/** Sends every proposal in turn, as a client would, keeping what the machine accepts. */
function run(seq: readonly StepRecord[]): { state: CaseState; statuses: string[] } {
  let state = openingState(BIRTH_DATE);
  const statuses = ["applicant"];
  let lastRank = stageRank(state.stage);
  for (const p of seq) {
    const v = recordStep(state, p, facts(), RULES);
    if (!v.ok) continue;
    // the stage never goes back
    expect(stageRank(v.state.stage)).toBeGreaterThanOrEqual(lastRank);
    lastRank = stageRank(v.state.stage);
    if (v.member?.status) statuses.push(v.member.status);
    state = v.state;
  }
  return { state, statuses };
}

const ORDER = ["applicant", "activist", "candidate", "probationary", "full"];

/** Everything a full member's case must show, whatever path it took. */
function expectSoundFullMember(state: CaseState): void {
  const recorded = new Set(state.steps.map((s) => s.step));
  for (const code of STEP_CODES.slice(0, 24)) expect(recorded, code).toContain(code);
  for (const def of STEPS.filter((d) => d.repeat === "once")) {
    expect(state.steps.filter((s) => s.step === def.code).length).toBeLessThanOrEqual(1);
  }
  for (const s of state.steps) {
    expect(s.occurredOn <= TODAY).toBe(true);
    for (const r of stepDefinition(s.step).requires) {
      expect(state.steps.some((x) => x.step === r && x.occurredOn <= s.occurredOn)).toBe(true);
    }
  }
  const on = (code: string) => state.steps.find((s) => s.step === code)!.occurredOn;
  expect(on("candidate_designation") >= addMonths(on("activist_designation"), 12)).toBe(true);
  for (const s of state.steps) {
    if (s.step === "admission_vote" || s.step === "full_membership_vote")
      expect(checkVote(s.data, 9)).toEqual([]);
  }
  const finalVote = state.steps.filter((s) => s.step === "full_membership_vote").at(-1);
  expect(finalVote?.step === "full_membership_vote" && finalVote.data.outcome).toBe("full");
  expect(finalVote!.occurredOn >= state.probationEndsOn!).toBe(true);
  expect(state.extensionsApproved).toBeLessThanOrEqual(RULES.extension.maxTimes);
  expect(state.fullOn).toBe(state.probationEndsOn);
}

describe("no sequence of calls reaches full membership without every required step", () => {
  it("holds for arbitrary sequences of proposals", () => {
    fc.assert(
      fc.property(fc.array(proposal, { maxLength: 90 }), (seq) => {
        const { state, statuses } = run(seq);
        expect(statuses.map((s) => ORDER.indexOf(s))).toEqual(
          [...statuses.map((s) => ORDER.indexOf(s))].sort(),
        );
        if (state.stage === "full") expectSoundFullMember(state);
      }),
      { numRuns: 400 },
    );
  });

  it("holds for the happy path with steps dropped, swapped, shifted, replaced or inserted", () => {
    let reachedFull = 0;
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 4 }), (mutations) => {
        const { state } = run(mutate(HAPPY_PATH, mutations));
        if (state.stage === "full") {
          reachedFull += 1;
          expectSoundFullMember(state);
        }
      }),
      { numRuns: 600 },
    );
    // the property is not vacuous: many mutated paths still get through
    expect(reachedFull).toBeGreaterThan(50);
  });

  it("never reaches full when any one of steps 1–24 is left out", () => {
    for (const code of STEP_CODES.slice(0, 24)) {
      const { state } = run(HAPPY_PATH.filter((s) => s.step !== code));
      expect(state.stage, code).not.toBe("full");
    }
  });
});
