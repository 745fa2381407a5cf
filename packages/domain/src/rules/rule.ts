/** A message in both languages the product speaks. */
export interface Message {
  zh: string;
  en: string;
}

/**
 * A named rule that did not hold. The same object reaches the 422 response, the timeline and the
 * audit finding, so a decision can always be traced to the rule and the facts it used.
 */
export interface RuleFailure {
  rule: string;
  message: Message;
  facts: Record<string, unknown>;
  /** warnings are recorded but do not block; blocks stop the write */
  severity: "block" | "warning";
}

export function failure(
  rule: string,
  message: Message,
  facts: Record<string, unknown> = {},
  severity: RuleFailure["severity"] = "block",
): RuleFailure {
  return { rule, message, facts, severity };
}
