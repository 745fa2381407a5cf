import { addMonths, daysBetween } from "../calendar/dates";
import { failure, type Message, type RuleFailure } from "../rules/rule";
import type { PipelineRules } from "./rules";
import { type CaseState, isRecorded, latestOf } from "./state";
import type { StepCode } from "./steps";

/**
 * A step the rules want done by a date. Deadlines are warnings (docs/domain.md §Deadlines): missing
 * one raises a finding and a late record carries a warning, but nothing is refused for it.
 */
export interface Deadline {
  step: StepCode;
  rule: string;
  dueBy: string;
  /** what the deadline counts from */
  from: { step: StepCode | "probation_end"; on: string };
  message: Message;
}

export interface OverdueStep extends Deadline {
  daysOverdue: number;
  /** the warning as the 422 body, the timeline and an audit finding show it */
  failure: RuleFailure;
}

/** Every deadline the case has open now. */
export function deadlines(state: CaseState, rules: PipelineRules): Deadline[] {
  if (state.stage === "closed" || state.stage === "full") return [];
  const out: Deadline[] = [];
  if (state.appliedOn && !isRecorded(state, "application_talk")) {
    const dueBy = addMonths(state.appliedOn, rules.applicationTalkWithinMonths);
    out.push({
      step: "application_talk",
      rule: "application_talk_overdue",
      dueBy,
      from: { step: "application", on: state.appliedOn },
      message: {
        zh: `收到入党申请书后${rules.applicationTalkWithinMonths}个月内应派人谈话（截止${dueBy}）`,
        en: `The branch talks with an applicant within ${rules.applicationTalkWithinMonths} month(s) of the application (due ${dueBy})`,
      },
    });
  }
  if (state.stage === "activist") {
    const last = latestOf(state, "cultivation_review") ?? latestOf(state, "activist_designation");
    if (last) {
      const dueBy = addMonths(last.occurredOn, rules.cultivationReviewEveryMonths);
      out.push({
        step: "cultivation_review",
        rule: "cultivation_review_overdue",
        dueBy,
        from: { step: last.step, on: last.occurredOn },
        message: {
          zh: `入党积极分子每${rules.cultivationReviewEveryMonths}个月至少考察一次（截止${dueBy}）`,
          en: `An activist is reviewed at least every ${rules.cultivationReviewEveryMonths} months (due ${dueBy})`,
        },
      });
    }
  }
  const vote = latestOf(state, "admission_vote");
  if (vote && !isRecorded(state, "admission_approval")) {
    const dueBy = addMonths(vote.occurredOn, rules.admissionApprovalWithinMonths);
    out.push({
      step: "admission_approval",
      rule: "admission_approval_overdue",
      dueBy,
      from: { step: "admission_vote", on: vote.occurredOn },
      message: {
        zh: `上级党委应在支部大会通过后${rules.admissionApprovalWithinMonths}个月内审批（截止${dueBy}）`,
        en: `The upper committee approves within ${rules.admissionApprovalWithinMonths} months of the branch vote (due ${dueBy})`,
      },
    });
  }
  if (state.stage === "probationary" && state.probationEndsOn) {
    const fullVote = latestOf(state, "full_membership_vote");
    if (!isRecorded(state, "full_membership_request")) {
      const dueBy = state.probationEndsOn;
      out.push({
        step: "full_membership_request",
        rule: "full_membership_request_overdue",
        dueBy,
        from: { step: "probation_end", on: state.probationEndsOn },
        message: {
          zh: `预备期于${dueBy}届满，预备党员应在期满时提出转正申请`,
          en: `Probation ends on ${dueBy}; the probationary member should request full membership by then`,
        },
      });
    }
    if (fullVote && !isRecorded(state, "full_membership_approval")) {
      const dueBy = addMonths(fullVote.occurredOn, rules.fullApprovalWithinMonths);
      out.push({
        step: "full_membership_approval",
        rule: "full_membership_approval_overdue",
        dueBy,
        from: { step: "full_membership_vote", on: fullVote.occurredOn },
        message: {
          zh: `上级党委应在支部大会讨论转正后${rules.fullApprovalWithinMonths}个月内审批（截止${dueBy}）`,
          en: `The upper committee approves full membership within ${rules.fullApprovalWithinMonths} months of the branch vote (due ${dueBy})`,
        },
      });
    }
  }
  return out;
}

/**
 * The deadlines a case has missed by `today`, as warnings with the facts they used. The audits
 * worker raises findings from these.
 */
export function overdueSteps(state: CaseState, today: string, rules: PipelineRules): OverdueStep[] {
  return deadlines(state, rules)
    .filter((d) => d.dueBy < today)
    .map((d) => {
      const daysOverdue = daysBetween(d.dueBy, today);
      return {
        ...d,
        daysOverdue,
        failure: failure(
          d.rule,
          d.message,
          { step: d.step, dueBy: d.dueBy, from: d.from, today, daysOverdue },
          "warning",
        ),
      };
    });
}

/** A step recorded after its deadline: the record stands, with a warning saying how late it was. */
export function lateness(
  state: CaseState,
  step: StepCode,
  occurredOn: string,
  rules: PipelineRules,
): RuleFailure[] {
  const d = deadlines(state, rules).find((x) => x.step === step);
  if (!d || occurredOn <= d.dueBy) return [];
  return [
    failure(
      d.rule,
      d.message,
      { step, dueBy: d.dueBy, from: d.from, occurredOn, daysLate: daysBetween(d.dueBy, occurredOn) },
      "warning",
    ),
  ];
}
