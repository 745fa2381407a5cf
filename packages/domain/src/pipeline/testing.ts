import { WorkingCalendar } from "../calendar/working-days";
import type { StepRecord } from "./data";
import type { StepFacts } from "./gates";
import { recordStep } from "./machine";
import { DEFAULT_PIPELINE_RULES, type PipelineRules } from "./rules";
import { type CaseState, openingState } from "./state";

/** Test support: a person who walks all 25 steps with realistic dates (publicity over 国庆 2024). */
export const PEOPLE = {
  secretary: "mb_s",
  contact1: "mb_c1",
  contact2: "mb_c2",
  intro1: "mb_i1",
  intro2: "mb_i2",
};

export const VOTE = {
  expected: 9,
  present: 8,
  for: 8,
  against: 0,
  abstain: 0,
  writtenOpinions: { for: 1, against: 0, abstain: 0 },
};

/** The walk, naming the given people as talker, contacts and introducers. */
export function happyPath(p: typeof PEOPLE = PEOPLE): StepRecord[] {
  return [
    { step: "application", occurredOn: "2023-03-01", data: {} },
    { step: "application_talk", occurredOn: "2023-03-20", data: { talkerIds: [p.secretary] } },
    { step: "activist_designation", occurredOn: "2023-04-15", data: { recommendedBy: "party_members" } },
    {
      step: "contacts_assigned",
      occurredOn: "2023-04-20",
      data: { contactIds: [p.contact1, p.contact2] },
    },
    { step: "activist_filing", occurredOn: "2023-04-25", data: {} },
    {
      step: "cultivation_review",
      occurredOn: "2023-10-10",
      data: { thought: "good", work: "outstanding", trainingHours: 8 },
    },
    {
      step: "cultivation_review",
      occurredOn: "2024-04-08",
      data: { thought: "outstanding", work: "outstanding", trainingHours: 4 },
    },
    {
      step: "candidate_designation",
      occurredOn: "2024-04-16",
      data: { opinionsHeard: ["group", "contacts", "members", "masses"] },
    },
    { step: "candidate_filing", occurredOn: "2024-04-26", data: {} },
    {
      step: "introducers_assigned",
      occurredOn: "2024-05-06",
      data: { introducerIds: [p.intro1, p.intro2] },
    },
    { step: "political_review", occurredOn: "2024-06-14", data: { conclusion: "passed" } },
    { step: "intensive_training", occurredOn: "2024-07-08", data: { hours: 24, days: 3 } },
    { step: "committee_review", occurredOn: "2024-09-20", data: {} },
    // 5 working days across the National Day week: 9/26, 9/27, 9/29 (调休), 9/30, 10/8
    {
      step: "pre_review",
      occurredOn: "2024-10-15",
      data: { publicity: { from: "2024-09-26", to: "2024-10-08" } },
    },
    { step: "application_form", occurredOn: "2024-10-18", data: {} },
    { step: "admission_vote", occurredOn: "2024-10-28", data: VOTE },
    { step: "upper_talk", occurredOn: "2024-11-05", data: { talkerName: "组织员 周建华" } },
    { step: "admission_approval", occurredOn: "2024-11-20", data: {} },
    { step: "group_assignment", occurredOn: "2024-11-25", data: { group: "第一党小组" } },
    { step: "admission_record", occurredOn: "2024-12-02", data: {} },
    { step: "oath", occurredOn: "2024-12-10", data: {} },
    { step: "probation_review", occurredOn: "2025-04-20", data: { rating: "good" } },
    { step: "probation_review", occurredOn: "2025-09-30", data: { rating: "outstanding" } },
    { step: "full_membership_request", occurredOn: "2025-10-20", data: {} },
    { step: "full_membership_vote", occurredOn: "2025-10-29", data: { ...VOTE, outcome: "full" } },
    { step: "full_membership_approval", occurredOn: "2025-12-15", data: {} },
    { step: "archive", occurredOn: "2026-01-10", data: {} },
  ];
}

export const HAPPY_PATH: StepRecord[] = happyPath();

export const BIRTH_DATE = "1998-05-04";
export const TODAY = "2026-11-27";

export function facts(over: Partial<StepFacts> = {}): StepFacts {
  const full = { status: "full" as const, underDiscipline: false };
  return {
    today: TODAY,
    openComplaints: 0,
    people: Object.fromEntries(Object.values(PEOPLE).map((id) => [id, full])),
    votingMembers: 9,
    calendar: new WorkingCalendar(),
    ...over,
  };
}

/** Records steps in order, failing loudly if any is refused. */
export function walk(
  steps: readonly StepRecord[],
  rules: PipelineRules = DEFAULT_PIPELINE_RULES,
  start: CaseState = openingState(BIRTH_DATE),
  f: StepFacts = facts(),
): CaseState {
  let state = start;
  for (const s of steps) {
    const v = recordStep(state, s, f, rules);
    if (!v.ok) throw new Error(`${s.step} refused: ${v.failures.map((x) => x.rule).join(", ")}`);
    state = v.state;
  }
  return state;
}

/** The happy path up to (not including) the first record of `step`. */
export function until(step: StepRecord["step"]): StepRecord[] {
  return HAPPY_PATH.slice(
    0,
    HAPPY_PATH.findIndex((s) => s.step === step),
  );
}
