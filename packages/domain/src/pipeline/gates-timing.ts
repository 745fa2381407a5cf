/** Gates on dates: age, the cultivation interval, publicity and probation ending before the next step. */
import { addMonths, addYears } from "../calendar/dates";
import { failure, type RuleFailure } from "../rules/rule";
import type { PipelineRules } from "./rules";
import { type CaseState, dataOf, latestOf } from "./state";

export function age(state: CaseState, on: string, rules: PipelineRules): RuleFailure[] {
  const reachesOn = addYears(state.birthDate, rules.minAge);
  if (on >= reachesOn) return [];
  return [
    failure(
      "age_under_minimum",
      {
        zh: `须年满${rules.minAge}周岁（${reachesOn}满）`,
        en: `Must be ${rules.minAge} or older (from ${reachesOn})`,
      },
      { birthDate: state.birthDate, on, minAge: rules.minAge, reachesOn },
    ),
  ];
}

/** The earliest day a candidate may be designated: the cultivation interval after step 3. */
export function earliestCandidateDesignation(state: CaseState, rules: PipelineRules): string | null {
  const designated = latestOf(state, "activist_designation");
  return designated ? addMonths(designated.occurredOn, rules.cultivationMinMonths) : null;
}

export function cultivationInterval(state: CaseState, on: string, rules: PipelineRules): RuleFailure[] {
  const earliest = earliestCandidateDesignation(state, rules);
  if (!earliest || on >= earliest) return [];
  return [
    failure(
      "cultivation_under_one_year",
      {
        zh: `确定为入党积极分子未满${rules.cultivationMinMonths}个月（${earliest}起方可）`,
        en: `Less than ${rules.cultivationMinMonths} months since activist designation (allowed from ${earliest})`,
      },
      {
        activistDesignatedOn: latestOf(state, "activist_designation")?.occurredOn,
        on,
        minMonths: rules.cultivationMinMonths,
        earliest,
      },
    ),
  ];
}

export function publicityFinished(state: CaseState, on: string): RuleFailure[] {
  const publicity = dataOf(state, "pre_review")?.publicity;
  if (!publicity || on > publicity.to) return [];
  return [
    failure(
      "publicity_not_finished",
      {
        zh: `公示期至${publicity.to}结束，结束后方可填写入党志愿书`,
        en: `Publicity runs until ${publicity.to}; the form is filled in after it ends`,
      },
      { publicity, on },
    ),
  ];
}

export function probationExpired(state: CaseState, on: string): RuleFailure[] {
  if (!state.probationEndsOn || on >= state.probationEndsOn) return [];
  return [
    failure(
      "probation_not_expired",
      {
        zh: `预备期至${state.probationEndsOn}届满，期满后方可讨论转正`,
        en: `Probation ends on ${state.probationEndsOn}; full membership is decided after that`,
      },
      { probationEndsOn: state.probationEndsOn, on },
    ),
  ];
}
