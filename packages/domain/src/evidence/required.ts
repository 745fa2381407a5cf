import type { StepCode } from "../pipeline/steps";
import { failure, type RuleFailure } from "../rules/rule";
import { EVIDENCE_DOCUMENTS, type EvidenceDocument } from "./documents";

/**
 * What a district's pipeline rule set says about evidence (docs/domain.md §Required evidence): the
 * documents each step needs, and whether a step without them is recorded with a warning or refused.
 */
export interface StepEvidenceRules {
  enforcement: "warn" | "refuse";
  required: Partial<Record<StepCode, EvidenceDocument[]>>;
}

/**
 * Until a district names its documents, no step requires any (a district adopting the platform has
 * its paper in cabinets, not yet attached); a step without what it names is then recorded with a warning.
 */
export const DEFAULT_STEP_EVIDENCE: StepEvidenceRules = { enforcement: "warn", required: {} };

/** The paper the 细则 has each of these steps produce: what a district that wants evidence usually names. */
export const SUGGESTED_STEP_EVIDENCE: StepEvidenceRules = {
  enforcement: "warn",
  required: {
    application: ["application_letter"],
    political_review: ["political_review"],
    pre_review: ["publicity_notice"],
    application_form: ["membership_form"],
    full_membership_request: ["full_membership_request"],
  },
};

/** The documents `step` requires that are not among those attached to it (each counted once). */
export function missingEvidence(
  step: StepCode,
  attached: readonly string[],
  rules: StepEvidenceRules,
): EvidenceDocument[] {
  const have = new Set(attached);
  return (rules.required[step] ?? []).filter((d) => !have.has(d));
}

/** Where a step of a case stands with the documents its district requires. */
export interface StepEvidenceStatus {
  step: StepCode;
  required: EvidenceDocument[];
  missing: EvidenceDocument[];
}

/**
 * The documents required of each of `steps` (those recorded and those that can come next) and the
 * ones not attached yet; steps that require nothing are left out.
 */
export function caseEvidence(
  steps: readonly StepCode[],
  attachedOf: (step: StepCode) => readonly string[],
  rules: StepEvidenceRules,
): StepEvidenceStatus[] {
  const out: StepEvidenceStatus[] = [];
  for (const step of new Set(steps)) {
    const required = rules.required[step] ?? [];
    if (required.length === 0) continue;
    out.push({ step, required: [...required], missing: missingEvidence(step, attachedOf(step), rules) });
  }
  return out;
}

/**
 * The verdict on a step's evidence when it is recorded: nothing when complete; otherwise one rule
 * naming every missing document, a warning or a block as the district decided.
 */
export function stepEvidenceVerdict(
  step: StepCode,
  attached: readonly string[],
  rules: StepEvidenceRules,
): RuleFailure[] {
  const missing = missingEvidence(step, attached, rules);
  if (missing.length === 0) return [];
  const zh = missing.map((d) => EVIDENCE_DOCUMENTS[d].zh).join("、");
  const en = missing.map((d) => EVIDENCE_DOCUMENTS[d].en).join(", ");
  return [
    failure(
      "step_evidence_missing",
      {
        zh: `此步骤缺少材料：${zh}（请先上传附件）`,
        en: `This step is missing its evidence: ${en} (attach it first)`,
      },
      { step, missing },
      rules.enforcement === "refuse" ? "block" : "warning",
    ),
  ];
}
