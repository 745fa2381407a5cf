import type { Role } from "../access/roles";
import type { Message } from "../rules/rule";

export const FINDING_SEVERITIES = ["info", "warning", "severe"] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const FINDING_STATUSES = ["open", "acknowledged", "resolved"] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/**
 * What one rule found about one subject in one period. The key (rule + subject + period) is stable:
 * tomorrow's run finds the same key for the same condition, so findings are upserted, never
 * duplicated, and a condition that comes back in a new period gets a new key.
 */
export interface FindingDraft {
  rule: string;
  subjectType: "branch" | "member" | "transfer" | "case" | "meeting" | "task" | "inspection" | "committee";
  subjectId: string;
  severity: FindingSeverity;
  /** the period the condition belongs to: a month, a year, the date a silence began … */
  period: string;
  dueBy?: string;
  message: Message;
  facts: Record<string, unknown>;
}

export function findingKey(f: Pick<FindingDraft, "rule" | "subjectId" | "period">): string {
  return `${f.rule}:${f.subjectId}:${f.period}`;
}

/**
 * Findings about the record itself (a cut or rewritten event log) say the branch's own account can
 * no longer be trusted, so the branch cannot close them: only its district, or the platform, after
 * looking into it. A branch may still acknowledge them.
 */
export const RESOLVED_ABOVE_BRANCH: ReadonlySet<string> = new Set(["event_chain_broken"]);

export function mayResolveFinding(rule: string, role: Role): boolean {
  return !RESOLVED_ABOVE_BRANCH.has(rule) || role === "district_admin" || role === "platform_admin";
}
