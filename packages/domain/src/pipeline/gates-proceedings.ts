import { failure, type RuleFailure } from "../rules/rule";
import type { StepFacts } from "./gates";
import type { PipelineRules } from "./rules";
import { type CaseState, latestOf } from "./state";

export function checkPublicity(
  state: CaseState,
  publicity: { from: string; to: string },
  facts: StepFacts,
  rules: PipelineRules,
): RuleFailure[] {
  if (publicity.from > publicity.to) {
    return [
      failure(
        "publicity_dates_invalid",
        { zh: "公示开始日期晚于结束日期", en: "The publicity starts after it ends" },
        { publicity },
      ),
    ];
  }
  const out: RuleFailure[] = [];
  const review = latestOf(state, "committee_review");
  if (review && publicity.from < review.occurredOn) {
    out.push(
      failure(
        "publicity_before_committee_review",
        {
          zh: `公示不能早于支部委员会审查（${review.occurredOn}）`,
          en: `Publicity cannot start before the committee review (${review.occurredOn})`,
        },
        { publicity, committeeReviewOn: review.occurredOn },
      ),
    );
  }
  if (!facts.calendar) throw new Error("pre_review needs the working calendar");
  const workingDays = facts.calendar.countWorkingDays(publicity.from, publicity.to);
  if (workingDays < rules.publicityWorkingDays) {
    out.push(
      failure(
        "publicity_too_short",
        {
          zh: `公示期应不少于${rules.publicityWorkingDays}个工作日（${publicity.from}至${publicity.to}仅${workingDays}个工作日）`,
          en: `Publicity lasts at least ${rules.publicityWorkingDays} working days (${publicity.from} to ${publicity.to} has ${workingDays})`,
        },
        { publicity, workingDays, required: rules.publicityWorkingDays },
      ),
    );
  }
  return out;
}

export function checkOutcome(
  state: CaseState,
  vote: { outcome: string; extensionMonths?: number },
  rules: PipelineRules,
): RuleFailure[] {
  if (vote.outcome !== "extend") return [];
  const out: RuleFailure[] = [];
  const { minMonths, maxMonths, maxTimes } = rules.extension;
  if (state.extensionsApproved >= maxTimes) {
    out.push(
      failure(
        "extension_once_only",
        {
          zh: `预备期只能延长${maxTimes}次`,
          en: `Probation can be extended ${maxTimes === 1 ? "once" : `${maxTimes} times`} only`,
        },
        { extensionsApproved: state.extensionsApproved, maxTimes },
      ),
    );
  }
  const months = vote.extensionMonths;
  if (months === undefined || months < minMonths || months > maxMonths) {
    out.push(
      failure(
        "extension_length",
        {
          zh: `延长预备期应为${minMonths}至${maxMonths}个月`,
          en: `An extension lasts ${minMonths} to ${maxMonths} months`,
        },
        { extensionMonths: months ?? null, minMonths, maxMonths },
      ),
    );
  }
  return out;
}
