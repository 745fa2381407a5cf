import { failure, type RuleFailure } from "../rules/rule";
import type { RuleSetKind, Versioned } from "../rules/rule-set";

/**
 * The numbers of the branch practices a district may change (docs/domain.md §Practices rule set):
 * community and volunteer service, political birthdays, study reflections, committee terms and
 * elections. Version 0 is these defaults; a district's own versions live in the directory's rule
 * sets (module `practices`) and each decision records the version it used. The service-hours gate
 * itself is a pipeline number (PipelineRules.serviceHours), because the pipeline's gates read it.
 */
export interface PracticeRules {
  service: {
    /** days a confirmation code stays redeemable after the session is recorded */
    codeValidDays: number;
    /** the audit warns when a registered person has no confirmed service in a quarter */
    quarterlyWarning: boolean;
  };
  birthdays: {
    /** the digest lists political birthdays this many days ahead (today included) */
    lookaheadDays: number;
  };
  reflections: {
    minChars: number;
    maxChars: number;
  };
  committee: {
    /** 支部工作条例 第十八条: a branch committee serves 3 years (a district may set up to 5) */
    termYears: number;
    /** the audit warns this many days before the term ends */
    warnDaysBefore: number;
  };
  election: {
    /** 差额选举: at least this many percent more candidates than seats (0: equal numbers allowed) */
    candidateMarginPercent: number;
    /** elected: more "for" votes than this share of the voters present (½: more than half) */
    majorityOfPresent: { numerator: number; denominator: number };
  };
}

export const DEFAULT_PRACTICE_RULES: PracticeRules = {
  service: { codeValidDays: 30, quarterlyWarning: true },
  birthdays: { lookaheadDays: 7 },
  reflections: { minChars: 50, maxChars: 3000 },
  committee: { termYears: 3, warnDaysBefore: 90 },
  election: { candidateMarginPercent: 20, majorityOfPresent: { numerator: 1, denominator: 2 } },
};

export type VersionedPracticeRules = Versioned<PracticeRules>;

export const DEFAULT_PRACTICE_RULE_SET: VersionedPracticeRules = {
  version: 0,
  rules: DEFAULT_PRACTICE_RULES,
};

/** A stored body read over the defaults section by section, so older bodies stay readable. */
export function resolvePracticeRules(body: unknown): PracticeRules {
  const b = (typeof body === "object" && body !== null ? body : {}) as Partial<PracticeRules>;
  const d = DEFAULT_PRACTICE_RULES;
  return {
    service: { ...d.service, ...b.service },
    birthdays: { ...d.birthdays, ...b.birthdays },
    reflections: { ...d.reflections, ...b.reflections },
    committee: { ...d.committee, ...b.committee },
    election: { ...d.election, ...b.election },
  };
}

/** A rule set a district publishes must hang together. */
export function checkPracticeRules(r: PracticeRules): RuleFailure[] {
  const out: RuleFailure[] = [];
  if (r.reflections.minChars > r.reflections.maxChars) {
    out.push(
      failure(
        "rules_reflection_length",
        { zh: "学习体会字数下限不能大于上限", en: "The shortest reflection exceeds the longest" },
        { reflections: r.reflections },
      ),
    );
  }
  if (r.committee.termYears < 3 || r.committee.termYears > 5) {
    out.push(
      failure(
        "rules_committee_term",
        { zh: "支部委员会任期应为3至5年", en: "A branch committee's term is 3 to 5 years" },
        { termYears: r.committee.termYears },
      ),
    );
  }
  const m = r.election.majorityOfPresent;
  if (m.denominator <= 0 || m.numerator <= 0 || m.numerator >= m.denominator) {
    out.push(
      failure(
        "rules_election_majority",
        {
          zh: "当选票数比例应为 0 到 1 之间的分数",
          en: "The share of votes needed to be elected is a fraction between 0 and 1",
        },
        { majorityOfPresent: m },
      ),
    );
  }
  return out;
}

/** The practices rule set (module `practices`). */
export const PRACTICE_RULES_KIND: RuleSetKind<PracticeRules, "practices"> = {
  module: "practices",
  defaults: DEFAULT_PRACTICE_RULES,
  resolve: resolvePracticeRules,
  check: checkPracticeRules,
};
