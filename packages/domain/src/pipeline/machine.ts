import { addMonths } from "../calendar/dates";
import { MEMBER_STATUSES, type MemberStatus } from "../members/member";
import { failure, type RuleFailure } from "../rules/rule";
import type { StepRecord } from "./data";
import { deadlines, lateness } from "./deadlines";
import {
  type CaseFacts,
  caseGates,
  dataGates,
  earliestCandidateDesignation,
  intensiveTrainingSufficient,
  isStructural,
  type StepFacts,
} from "./gates";
import type { PipelineRules } from "./rules";
import { type CaseState, isRecorded, latestOf } from "./state";
import { type Recorder, STEPS, type StepCode } from "./steps";

/** What a recorded step changes on the member's roll record, in the same transaction. */
export interface MemberEffect {
  status?: MemberStatus;
  joinedOn?: string;
  /** a disqualified probationary member leaves the roll (取消预备党员资格) */
  left?: { on: string; reason: "probation_disqualified" };
}

/**
 * The case after a step, without checking it: the state machine's transitions. Use `recordStep`
 * to check first.
 */
export function applyStep(
  state: CaseState,
  rec: StepRecord,
  rules: PipelineRules,
): { state: CaseState; member: MemberEffect | null } {
  const next: CaseState = { ...state, steps: [...state.steps, { ...rec, cycle: state.cycle }] };
  switch (rec.step) {
    case "application":
      return { state: { ...next, appliedOn: rec.occurredOn }, member: null };
    case "activist_designation":
      return { state: { ...next, stage: "activist" }, member: { status: "activist" } };
    case "candidate_designation":
      return { state: { ...next, stage: "candidate" }, member: { status: "candidate" } };
    case "admission_approval": {
      // probation and party standing as a probationary member count from the branch vote (细则 第三十条)
      const votedOn = latestOf(state, "admission_vote")?.occurredOn ?? rec.occurredOn;
      return {
        state: { ...next, stage: "probationary", probationEndsOn: addMonths(votedOn, rules.probationMonths) },
        member: { status: "probationary", joinedOn: votedOn },
      };
    }
    case "full_membership_approval": {
      const vote = latestOf(state, "full_membership_vote");
      if (vote?.data.outcome === "extend") {
        const ends = state.probationEndsOn ?? rec.occurredOn;
        return {
          state: {
            ...next,
            cycle: state.cycle + 1,
            extensionsApproved: state.extensionsApproved + 1,
            probationEndsOn: addMonths(ends, vote.data.extensionMonths ?? rules.extension.minMonths),
          },
          member: null,
        };
      }
      if (vote?.data.outcome === "disqualify") {
        return {
          state: { ...next, stage: "closed", closedOn: rec.occurredOn },
          member: { left: { on: rec.occurredOn, reason: "probation_disqualified" } },
        };
      }
      // full membership takes effect on the day probation ends (转正时间为预备期满之日)
      return {
        state: { ...next, stage: "full", fullOn: state.probationEndsOn ?? rec.occurredOn },
        member: { status: "full" },
      };
    }
    default:
      return { state: next, member: null };
  }
}

/**
 * What the roll record should change to, given where the person stands: a status only moves
 * forward (a person entered on the roll as an activist does not go back to applicant when their
 * earlier steps are recorded), and the joining date is set once.
 */
export function rollChange(
  member: { status: MemberStatus; joinedOn: string | null },
  effect: MemberEffect | null,
): MemberEffect | null {
  if (!effect) return null;
  const change: MemberEffect = {};
  if (effect.status && MEMBER_STATUSES.indexOf(effect.status) > MEMBER_STATUSES.indexOf(member.status)) {
    change.status = effect.status;
  }
  if (effect.joinedOn && !member.joinedOn) change.joinedOn = effect.joinedOn;
  if (effect.left) change.left = effect.left;
  return Object.keys(change).length ? change : null;
}

export type StepVerdict =
  | { ok: true; state: CaseState; member: MemberEffect | null; warnings: RuleFailure[] }
  | { ok: false; failures: RuleFailure[] };

/**
 * Checks a proposed step against every gate and, if none blocks, applies it. Warnings (late
 * steps) do not block: they travel with the record.
 */
export function recordStep(
  state: CaseState,
  proposal: StepRecord,
  facts: StepFacts,
  rules: PipelineRules,
): StepVerdict {
  const blocks = caseGates(state, proposal.step, proposal.occurredOn, facts, rules);
  if (!blocks.some(isStructural)) blocks.push(...dataGates(state, proposal, facts, rules));
  if (blocks.length) return { ok: false, failures: blocks };
  const warnings = lateness(state, proposal.step, proposal.occurredOn, rules);
  return { ok: true, ...applyStep(state, proposal, rules), warnings };
}

/** Closing a case that will not go on (withdrawn, not admitted). Probation ends only by a vote. */
export function closeCase(
  state: CaseState,
  on: string,
  today: string,
): { ok: true; state: CaseState } | { ok: false; failures: RuleFailure[] } {
  if (state.stage === "closed") {
    const closed = failure(
      "case_closed",
      { zh: "该发展案卷已结束", en: "This development case is closed" },
      {
        closedOn: state.closedOn,
      },
    );
    return { ok: false, failures: [closed] };
  }
  if (state.stage === "probationary" || state.stage === "full") {
    const refusal = failure(
      "case_not_closable",
      {
        zh: "已入党的案卷不能直接结束：预备党员的去留由支部大会讨论决定",
        en: "A case past admission cannot simply be closed: a probationary member's case ends by a general assembly vote",
      },
      { stage: state.stage },
    );
    return { ok: false, failures: [refusal] };
  }
  const last =
    state.steps
      .map((s) => s.occurredOn)
      .sort()
      .at(-1) ?? "0000-01-01";
  const failures: RuleFailure[] = [];
  if (on > today) {
    failures.push(
      failure(
        "step_date_in_future",
        { zh: "日期不能晚于今天", en: "The date cannot be in the future" },
        { on, today },
      ),
    );
  }
  if (on < last) {
    failures.push(
      failure(
        "step_date_order",
        {
          zh: `结束日期不能早于最后一步（${last}）`,
          en: `A case cannot close before its last step (${last})`,
        },
        { on, lastStepOn: last },
      ),
    );
  }
  if (failures.length) return { ok: false, failures };
  return { ok: true, state: { ...state, stage: "closed", closedOn: on } };
}

export interface NextStep {
  step: StepCode;
  number: number;
  recordedBy: Recorder;
  allowed: boolean;
  /** what stands in the way today, each with its rule, message and facts */
  blockers: RuleFailure[];
  /** a deadline (a warning when missed) */
  dueBy?: string;
  /** the first day an interval rule allows the step */
  notBefore?: string;
}

/** Whether a recorded step must be recorded again before the case can go on. */
function needsRedo(state: CaseState, step: StepCode, rules: PipelineRules): boolean {
  if (step === "political_review") return latestOf(state, "political_review")?.data.conclusion === "failed";
  if (step === "intensive_training") return !intensiveTrainingSufficient(state, rules);
  return false;
}

/**
 * The steps the case can take next, as of `facts.today`: each with whether it is allowed now, the
 * rules blocking it, and its deadline or earliest date. Data-dependent checks (counts, votes,
 * publicity) are made when the step is recorded.
 */
export function nextSteps(state: CaseState, facts: CaseFacts, rules: PipelineRules): NextStep[] {
  if (state.stage === "closed") return [];
  const due = new Map(deadlines(state, rules).map((d) => [d.step, d.dueBy]));
  return STEPS.filter(
    (def) =>
      def.stage === state.stage &&
      (!isRecorded(state, def.code) || def.recurring || needsRedo(state, def.code, rules)),
  ).map((def) => {
    const blockers = caseGates(state, def.code, facts.today, facts, rules);
    const notBefore =
      def.code === "candidate_designation"
        ? earliestCandidateDesignation(state, rules)
        : def.code === "full_membership_vote"
          ? state.probationEndsOn
          : null;
    return {
      step: def.code,
      number: def.number,
      recordedBy: def.recordedBy,
      allowed: blockers.length === 0,
      blockers,
      ...(due.has(def.code) ? { dueBy: due.get(def.code) } : {}),
      ...(notBefore ? { notBefore } : {}),
    };
  });
}

/** The steps done so far, in pipeline order, each once. */
export function completedSteps(state: CaseState): StepCode[] {
  const done = new Set(state.steps.map((s) => s.step));
  return STEPS.filter((s) => done.has(s.code)).map((s) => s.code);
}
