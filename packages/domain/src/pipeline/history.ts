import { failure, type RuleFailure } from "../rules/rule";
import { caseGates } from "./gates";
import { applyStep, type MemberEffect, rollChange } from "./machine";
import type { PipelineRules } from "./rules";
import { type CaseState, openingState } from "./state";
import { STEPS, type StepCode, stepDefinition } from "./steps";

/**
 * A development case already under way when its branch came to the platform: the steps its files
 * record, each with a date. They are history: folded into the case in pipeline order without the
 * gates of today (intervals, training, votes, the people named) — those were the branch's and the
 * upper committee's to judge then — but in order, each after the steps it requires, none after
 * today. The next step is judged normally (docs/adoption.md).
 */
export interface HistoryStep {
  step: StepCode;
  occurredOn: string;
}

/** What a history import may bring: a case in progress, so not the steps that end it. */
export const IMPORTABLE_STEPS: readonly StepCode[] = STEPS.map((s) => s.code).filter(
  (c) => !["full_membership_vote", "full_membership_approval", "archive"].includes(c),
);

/** The checks that still hold for history: stage and order, repeats, prerequisites, dates. */
const HISTORY_RULES = new Set([
  "stage_mismatch",
  "step_already_recorded",
  "procedure_incomplete",
  "step_date_in_future",
  "step_date_order",
]);

export type HistoryVerdict =
  | { ok: true; state: CaseState; member: MemberEffect | null }
  | { ok: false; failures: RuleFailure[] };

export function foldHistory(
  birthDate: string,
  steps: readonly HistoryStep[],
  today: string,
  rules: PipelineRules,
  member: { status: MemberEffect["status"] & string; joinedOn: string | null },
): HistoryVerdict {
  if (!steps.some((s) => s.step === "application")) {
    return {
      ok: false,
      failures: [
        failure(
          "application_missing",
          { zh: "须有递交入党申请书的日期", en: "The date of the written application is required" },
          {},
        ),
      ],
    };
  }
  const ending = steps.find((s) => !IMPORTABLE_STEPS.includes(s.step));
  if (ending) {
    return {
      ok: false,
      failures: [
        failure(
          "history_step_not_importable",
          {
            zh: `“${stepDefinition(ending.step).label.zh}”之后案卷已结束，不作为进行中的案卷导入`,
            en: `After "${stepDefinition(ending.step).label.en}" the case is no longer in progress; it is not imported`,
          },
          { step: ending.step },
        ),
      ],
    };
  }
  // pipeline order, then date: reviews and training sessions may repeat
  const ordered = [...steps].sort(
    (a, b) =>
      stepDefinition(a.step).number - stepDefinition(b.step).number ||
      a.occurredOn.localeCompare(b.occurredOn),
  );
  let state = openingState(birthDate);
  let effect: MemberEffect | null = null;
  let roll = { status: member.status, joinedOn: member.joinedOn } as Parameters<typeof rollChange>[0];
  for (const s of ordered) {
    const refused = caseGates(state, s.step, s.occurredOn, { today, openComplaints: 0 }, rules).filter((f) =>
      HISTORY_RULES.has(f.rule),
    );
    if (refused.length) return { ok: false, failures: refused };
    const next = applyStep(state, { step: s.step, occurredOn: s.occurredOn, data: {} } as never, rules);
    state = {
      ...next.state,
      steps: next.state.steps.map((r, i) =>
        i === next.state.steps.length - 1 ? { ...r, imported: true } : r,
      ),
    };
    const change = rollChange(roll, next.member);
    if (change) {
      effect = { ...(effect ?? {}), ...change };
      roll = { status: change.status ?? roll.status, joinedOn: change.joinedOn ?? roll.joinedOn };
    }
  }
  return { ok: true, state, member: effect };
}
