import type { Message, RuleFailure } from "@vanguard/domain";
import type { Lang } from "@vanguard/platform";

export function pick(m: Message, lang: Lang): string {
  return lang === "en" ? m.en : m.zh;
}

/** A rule's verdict in the caller's language, as problem+json renders a refusal. */
export function ruleResult(f: RuleFailure, lang: Lang) {
  return { rule: f.rule, message: pick(f.message, lang), severity: f.severity, facts: f.facts };
}
