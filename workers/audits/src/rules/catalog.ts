import {
  type AuditRule,
  MODULE_AUDIT_RULES,
  PLATFORM_AUDIT_RULES,
  PRACTICE_AUDIT_RULES,
} from "@vanguard/domain";

/** Every rule a run evaluates: the platform's, then each module's as it lands. */
export function auditCatalog(): AuditRule[] {
  return [...PLATFORM_AUDIT_RULES, ...MODULE_AUDIT_RULES, ...PRACTICE_AUDIT_RULES];
}
