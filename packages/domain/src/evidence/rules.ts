import { failure, type Message, type RuleFailure } from "../rules/rule";
import type { RuleSetKind } from "../rules/rule-set";

/**
 * The numbers a district sets for evidence (docs/domain.md §Evidence): how much a branch may store.
 * Kept as the `evidence` rule set; a version stored before a number existed reads it from here.
 */
export interface EvidenceRules {
  /** what one branch may store in all, in MiB (content stored once however often it is attached) */
  branchQuotaMb: number;
}

export const DEFAULT_EVIDENCE_RULES: EvidenceRules = { branchQuotaMb: 1024 };

/** One file: large enough for a scanned 入党志愿书, small enough to read in one request. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

export function resolveEvidenceRules(body: unknown): EvidenceRules {
  const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const quota = b.branchQuotaMb;
  return {
    branchQuotaMb:
      typeof quota === "number" && Number.isFinite(quota) && quota > 0
        ? quota
        : DEFAULT_EVIDENCE_RULES.branchQuotaMb,
  };
}

const MiB = 1024 * 1024;

/** A new file that would take the branch past its quota is refused; one already stored costs nothing. */
export function checkQuota(usedBytes: number, newBytes: number, rules: EvidenceRules): RuleFailure[] {
  const quota = rules.branchQuotaMb * MiB;
  if (usedBytes + newBytes <= quota) return [];
  const used = (usedBytes / MiB).toFixed(1);
  return [
    failure(
      "evidence_quota_exceeded",
      {
        zh: `本支部的材料存储已用 ${used} MiB，上限 ${rules.branchQuotaMb} MiB，此文件放不下`,
        en: `The branch has stored ${used} MiB of its ${rules.branchQuotaMb} MiB quota; this file does not fit`,
      },
      { usedBytes, newBytes, quotaBytes: quota },
    ),
  ];
}

export const NOT_EVIDENCE: Message = {
  zh: "文件内容不是允许的类型（PDF、JPEG、PNG、WebP、Word .docx、Excel .xlsx）",
  en: "The file's content is not an allowed type (PDF, JPEG, PNG, WebP, Word .docx, Excel .xlsx)",
};

/** The evidence rule set (module `evidence`): nothing in it depends on anything else. */
export const EVIDENCE_RULES_KIND: RuleSetKind<EvidenceRules, "evidence"> = {
  module: "evidence",
  defaults: DEFAULT_EVIDENCE_RULES,
  resolve: resolveEvidenceRules,
  check: () => [],
};
