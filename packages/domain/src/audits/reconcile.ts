import { type FindingDraft, type FindingStatus, findingKey } from "./finding";
import type { AuditRule, AuditRules } from "./rules";
import type { BranchSnapshot } from "./snapshot";

/** Every finding the catalog raises for one branch today. */
export function auditBranch(s: BranchSnapshot, catalog: AuditRule[], rules: AuditRules): FindingDraft[] {
  return catalog.flatMap((rule) => rule.evaluate(s, rules));
}

export interface StoredFinding {
  key: string;
  rule: string;
  status: FindingStatus;
}

export interface Reconciled {
  /** new keys: open a finding */
  open: FindingDraft[];
  /** keys that already exist: refresh when last seen (a resolved one stays resolved) */
  seen: FindingDraft[];
  /** open or acknowledged findings of the evaluated rules whose condition no longer holds */
  cleared: StoredFinding[];
}

/**
 * Compares today's findings with the stored ones of the same branch. Running twice gives the same
 * result as running once; a finding someone resolved is not reopened while its key (its period) is
 * the same, only when the condition comes back in a new period.
 */
export function reconcile(drafts: FindingDraft[], stored: StoredFinding[], catalog: AuditRule[]): Reconciled {
  const byKey = new Map(stored.map((f) => [f.key, f]));
  const draftKeys = new Set(drafts.map(findingKey));
  const evaluated = new Set(catalog.flatMap((r) => r.emits));
  const unique = [...new Map(drafts.map((d) => [findingKey(d), d])).values()];
  return {
    open: unique.filter((d) => !byKey.has(findingKey(d))),
    seen: unique.filter((d) => byKey.has(findingKey(d))),
    cleared: stored.filter((f) => f.status !== "resolved" && evaluated.has(f.rule) && !draftKeys.has(f.key)),
  };
}
