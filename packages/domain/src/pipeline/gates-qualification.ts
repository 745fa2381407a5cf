import { confirmedHoursBetween } from "../practices/service";
import { failure, type RuleFailure } from "../rules/rule";
import type { CaseFacts } from "./gates";
import type { PipelineRules } from "./rules";
import { basicTrainingHours, type CaseState, importedLatest, intensiveTraining, latestOf } from "./state";
import type { StepCode } from "./steps";

export function basicTraining(state: CaseState, rules: PipelineRules): RuleFailure[] {
  const hours = basicTrainingHours(state);
  if (hours >= rules.basicTrainingMinHours) return [];
  return [
    failure(
      "no_basic_training",
      {
        zh: `未记录党的基本知识培训（已记录${hours}学时，须${rules.basicTrainingMinHours}学时）`,
        en: `No party-knowledge training recorded (${hours} class hours; ${rules.basicTrainingMinHours} required)`,
      },
      { trainingHours: hours, minHours: rules.basicTrainingMinHours },
    ),
  ];
}

/** Whether a candidate's intensive training reached the days or the class hours required. */
export function intensiveTrainingSufficient(state: CaseState, rules: PipelineRules): boolean {
  // imported history: the training took place as the branch's files record it, hours unknown here
  if (importedLatest(state, "intensive_training")) return true;
  const t = intensiveTraining(state);
  return t.hours >= rules.intensiveTraining.minHours || t.days >= rules.intensiveTraining.minDays;
}

export function intensiveTrainingDone(state: CaseState, rules: PipelineRules): RuleFailure[] {
  if (intensiveTrainingSufficient(state, rules)) return [];
  const t = intensiveTraining(state);
  const { minHours, minDays } = rules.intensiveTraining;
  return [
    failure(
      "no_basic_training",
      {
        zh: `集中培训不足（${t.days}天、${t.hours}学时；须不少于${minDays}天或${minHours}学时）`,
        en: `Intensive training is short (${t.days} days, ${t.hours} class hours; ${minDays} days or ${minHours} hours required)`,
      },
      { days: t.days, hours: t.hours, minDays, minHours },
    ),
  ];
}

export function politicalReview(state: CaseState): RuleFailure[] {
  const latest = latestOf(state, "political_review");
  // an imported review is one the case went on from: only passed reviews are imported (docs/adoption.md)
  if (latest?.data.conclusion === "passed" || latest?.imported) return [];
  return [
    failure(
      "political_review_missing_or_failed",
      { zh: "政治审查未完成或未通过", en: "The political review is missing or did not pass" },
      { conclusion: latest?.data.conclusion ?? null, reviewedOn: latest?.occurredOn ?? null },
    ),
  ];
}

export function performance(state: CaseState): RuleFailure[] {
  const latest = latestOf(state, "cultivation_review");
  if (!latest || (latest.data.thought !== "ordinary" && latest.data.work !== "ordinary")) return [];
  return [
    failure(
      "performance_not_outstanding",
      {
        zh: "最近一次培养考察评价思想或工作表现一般",
        en: "The latest cultivation review rates thought or work as ordinary",
      },
      { reviewedOn: latest.occurredOn, thought: latest.data.thought, work: latest.data.work },
    ),
  ];
}

export function complaints(facts: CaseFacts): RuleFailure[] {
  if (facts.openComplaints === 0) return [];
  return [
    failure(
      "open_mass_complaints",
      {
        zh: `有${facts.openComplaints}件群众反映的问题尚未查清，应暂缓`,
        en: `${facts.openComplaints} complaint(s) from the masses are unresolved; the step waits`,
      },
      { openComplaints: facts.openComplaints },
    ),
  ];
}

/**
 * 双报到: a district may require confirmed community-service hours in the stage that ends with the
 * step (docs/domain.md §Community and volunteer service). Off at 0, the default.
 */
export function serviceHours(
  state: CaseState,
  on: string,
  facts: CaseFacts,
  rules: PipelineRules,
  since: StepCode,
  required: number,
): RuleFailure[] {
  if (!(required > 0)) return [];
  const from = latestOf(state, since)?.occurredOn ?? null;
  const hours = confirmedHoursBetween(facts.confirmedService ?? [], from, on);
  if (hours >= required) return [];
  const atCandidate = since === "activist_designation";
  return [
    failure(
      "service_hours_insufficient",
      {
        zh: `${atCandidate ? "确定发展对象" : "讨论转正"}前须有经社区（村）确认的报到服务不少于${required}小时（${from ? `${from}以来` : ""}已确认${hours}小时）`,
        en: `${atCandidate ? "Candidate designation" : "The full-membership vote"} needs at least ${required} confirmed community-service hours (${hours} confirmed${from ? ` since ${from}` : ""})`,
      },
      { confirmedHours: hours, required, since: from, on, rulesMin: rules.serviceHours },
    ),
  ];
}
