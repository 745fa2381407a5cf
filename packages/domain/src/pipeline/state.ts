import type { StepDataMap, StepRecord } from "./data";
import { type Stage, type StepCode, stepDefinition } from "./steps";

/**
 * A recorded step, tagged with the probation cycle it belongs to (0 until an extension). `imported`:
 * taken before the branch came to the platform and entered from its files as history, with its date
 * (and documents) but none of the details a live record carries (docs/adoption.md).
 */
export type RecordedStep<S extends StepCode = StepCode> = StepRecord<S> & {
  cycle: number;
  imported?: boolean;
};

/**
 * A case as the rules see it: where it stands, the facts its steps established, and every step
 * recorded so far in recording order. Storage keeps exactly this, so any reader (the worker, the
 * audits) can ask the same questions of it.
 */
export interface CaseState {
  stage: Stage;
  /** the person's birth date, from the roll */
  birthDate: string;
  /** the date of the written application (step 1); null before it is recorded */
  appliedOn: string | null;
  /** the probation cycle: 0, then +1 for each approved extension */
  cycle: number;
  /** the day probation ends (1 year from the admission vote, plus approved extensions) */
  probationEndsOn: string | null;
  extensionsApproved: number;
  /** the day full membership took effect (党龄 counts from it) */
  fullOn: string | null;
  closedOn: string | null;
  steps: RecordedStep[];
}

/** A case before its application is recorded. */
export function openingState(birthDate: string): CaseState {
  return {
    stage: "applicant",
    birthDate,
    appliedOn: null,
    cycle: 0,
    probationEndsOn: null,
    extensionsApproved: 0,
    fullOn: null,
    closedOn: null,
    steps: [],
  };
}

/** The records of a step that count now: per-cycle steps count only in the current cycle. */
export function recordsOf<S extends StepCode>(state: CaseState, code: S): RecordedStep<S>[] {
  const perCycle = stepDefinition(code).repeat === "per_cycle";
  const hits = state.steps.filter((s) => s.step === code && (!perCycle || s.cycle === state.cycle));
  // the filter picked records whose `step` is `code`; TypeScript cannot narrow a generic union by it
  return hits as unknown as RecordedStep<S>[];
}

export function latestOf<S extends StepCode>(state: CaseState, code: S): RecordedStep<S> | undefined {
  const all = recordsOf(state, code);
  let latest: RecordedStep<S> | undefined;
  // the latest by date; among records of one day, the one recorded last
  for (const r of all) if (!latest || r.occurredOn >= latest.occurredOn) latest = r;
  return latest;
}

export function isRecorded(state: CaseState, code: StepCode): boolean {
  return recordsOf(state, code).length > 0;
}

export function dataOf<S extends StepCode>(state: CaseState, code: S): StepDataMap[S] | undefined {
  return latestOf(state, code)?.data;
}

/** Whether the latest record of a step is imported history: the branch's files say it was done. */
export function importedLatest(state: CaseState, code: StepCode): boolean {
  return latestOf(state, code)?.imported === true;
}

/** Training hours an activist accumulated in cultivation reviews. */
export function basicTrainingHours(state: CaseState): number {
  return recordsOf(state, "cultivation_review").reduce((n, r) => n + (r.data.trainingHours ?? 0), 0);
}

/** A candidate's intensive training, summed over sessions. */
export function intensiveTraining(state: CaseState): { hours: number; days: number } {
  return recordsOf(state, "intensive_training").reduce(
    (t, r) => ({ hours: t.hours + (r.data.hours ?? 0), days: t.days + (r.data.days ?? 0) }),
    { hours: 0, days: 0 },
  );
}
