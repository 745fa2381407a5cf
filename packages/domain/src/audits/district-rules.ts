import { EVALUATION_RULES_KIND } from "../evaluations/rules";
import type { CadenceRule } from "../meetings/cadence";
import { PIPELINE_RULES_KIND } from "../pipeline/rules";
import { PRACTICE_RULES_KIND } from "../practices/rules";
import { STUDY_RULES_KIND } from "../study/rules";
import { type AuditRules, DEFAULT_AUDIT_RULES } from "./rules";

/** The rule-set modules an audit reads, as the directory's `rule_sets.module` names them. */
export const AUDIT_RULE_MODULES = [
  "audits",
  PIPELINE_RULES_KIND.module,
  STUDY_RULES_KIND.module,
  EVALUATION_RULES_KIND.module,
  PRACTICE_RULES_KIND.module,
] as const;
export type AuditRuleModule = (typeof AUDIT_RULE_MODULES)[number];

const NUMBERS = [
  "inactiveDays",
  "duesWarningMonths",
  "duesSevereMonths",
  "minFullMembers",
  "committeeAtFullMembers",
  "maxMembers",
  "studyMinPoints30Days",
] as const;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The numbers a district's audit uses: the latest stored body of each module read over the
 * defaults. A module the district never configured, or a body without the part the audit needs,
 * keeps the national default.
 */
export function auditRulesOf(bodies: Partial<Record<AuditRuleModule, unknown>>): AuditRules {
  const out: AuditRules = { ...DEFAULT_AUDIT_RULES };
  const own = bodies.audits;
  if (isRecord(own)) {
    for (const k of NUMBERS) {
      const v = own[k];
      if (typeof v === "number" && Number.isFinite(v) && v >= 0) out[k] = v;
    }
  }
  if (bodies.pipeline !== undefined) out.pipeline = PIPELINE_RULES_KIND.resolve(bodies.pipeline);
  const study = bodies.study;
  if (isRecord(study) && Array.isArray(study.meetings)) out.meetings = study.meetings as CadenceRule[];
  if (bodies.evaluations !== undefined) out.evaluation = EVALUATION_RULES_KIND.resolve(bodies.evaluations);
  if (bodies.practices !== undefined) out.practices = PRACTICE_RULES_KIND.resolve(bodies.practices);
  return out;
}
