import { DEFAULT_STEP_EVIDENCE, type StepEvidenceRules } from "../evidence/required";
import { failure, type RuleFailure } from "../rules/rule";
import type { RuleSetKind, Versioned } from "../rules/rule-set";

/**
 * The numbers of the development pipeline. docs/domain.md §Pipeline rule set gives the national
 * defaults; a district may store its own version (module `pipeline` in `rule_sets`), and every
 * recorded step keeps the version it was checked against.
 */
export interface PipelineRules {
  /** 党章: one may apply at 18 */
  minAge: number;
  /** the branch talks with an applicant within this many months of the application */
  applicationTalkWithinMonths: number;
  /** an activist is reviewed at least this often */
  cultivationReviewEveryMonths: number;
  /** months of cultivation before candidate designation (hard block) */
  cultivationMinMonths: number;
  /** class hours of party-knowledge training an activist needs before candidate designation */
  basicTrainingMinHours: number;
  contacts: { min: number; max: number };
  introducers: number;
  /** a candidate's intensive training: at least `minDays` days or `minHours` class hours */
  intensiveTraining: { minHours: number; minDays: number };
  /** publicity before pre-review, in working days on the PRC calendar */
  publicityWorkingDays: number;
  admissionApprovalWithinMonths: number;
  probationMonths: number;
  /** an extended probation: between min and max months, at most maxTimes */
  extension: { minMonths: number; maxMonths: number; maxTimes: number };
  fullApprovalWithinMonths: number;
  /**
   * 双报到: confirmed community-service hours a person needs before candidate designation (counted
   * from activist designation) and before the full-membership vote (counted from the admission
   * vote). 0 turns the gate off, the default (docs/domain.md §Community and volunteer service).
   */
  serviceHours: { beforeCandidate: number; beforeFull: number };
  /** the documents each step requires, and whether a step without them is refused (docs/domain.md §Required evidence) */
  evidence: StepEvidenceRules;
}

export const DEFAULT_PIPELINE_RULES: PipelineRules = {
  minAge: 18,
  applicationTalkWithinMonths: 1,
  cultivationReviewEveryMonths: 6,
  cultivationMinMonths: 12,
  basicTrainingMinHours: 1,
  contacts: { min: 1, max: 2 },
  introducers: 2,
  intensiveTraining: { minHours: 24, minDays: 3 },
  publicityWorkingDays: 5,
  admissionApprovalWithinMonths: 3,
  probationMonths: 12,
  extension: { minMonths: 6, maxMonths: 12, maxTimes: 1 },
  fullApprovalWithinMonths: 3,
  serviceHours: { beforeCandidate: 0, beforeFull: 0 },
  evidence: DEFAULT_STEP_EVIDENCE,
};

/** The rules a decision used, with the version it cites (0 = the defaults above, never stored). */
export type VersionedPipelineRules = Versioned<PipelineRules>;

export const DEFAULT_PIPELINE_RULE_SET: VersionedPipelineRules = {
  version: 0,
  rules: DEFAULT_PIPELINE_RULES,
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function merge<T>(base: T, over: unknown): T {
  if (!isRecord(base) || !isRecord(over)) {
    return typeof over === typeof base ? (over as T) : base;
  }
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(base)) {
    if (key in over) out[key] = merge((base as Record<string, unknown>)[key], over[key]);
  }
  return out as T;
}

/**
 * A stored rule-set body read over the defaults: a version stored before a number existed keeps
 * working with that number's default, and unknown keys are ignored.
 */
export function resolvePipelineRules(body: unknown): PipelineRules {
  const rules = merge(DEFAULT_PIPELINE_RULES, body);
  // a district names the steps it requires evidence for: its list replaces the defaults, step by step
  const required = isRecord(body) && isRecord(body.evidence) ? body.evidence.required : undefined;
  if (isRecord(required)) {
    rules.evidence = { ...rules.evidence, required: required as StepEvidenceRules["required"] };
  }
  return rules;
}

/** A rule set a district wants to publish must hang together. */
export function checkPipelineRules(r: PipelineRules): RuleFailure[] {
  const out: RuleFailure[] = [];
  if (r.contacts.min > r.contacts.max) {
    out.push(
      failure(
        "rules_contacts_range",
        { zh: "培养联系人人数下限不能大于上限", en: "The minimum number of contacts exceeds the maximum" },
        { contacts: r.contacts },
      ),
    );
  }
  if (r.extension.minMonths > r.extension.maxMonths) {
    out.push(
      failure(
        "rules_extension_range",
        { zh: "延长预备期的最短月数不能大于最长月数", en: "The shortest extension exceeds the longest" },
        { extension: r.extension },
      ),
    );
  }
  return out;
}

/** The development pipeline's rule set (module `pipeline`). */
export const PIPELINE_RULES_KIND: RuleSetKind<PipelineRules, "pipeline"> = {
  module: "pipeline",
  defaults: DEFAULT_PIPELINE_RULES,
  resolve: resolvePipelineRules,
  check: checkPipelineRules,
};
