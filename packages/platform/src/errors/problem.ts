import { ConflictError } from "@vanguard/db";
import type { Message, RuleFailure } from "@vanguard/domain";
import { PROBLEMS, type ProblemCode } from "./catalog";
import type { Lang } from "./lang";

export interface ProblemItem {
  path?: string;
  rule?: string;
  message: string;
  /** the facts a rule used, so a refusal can be checked by hand */
  facts?: Record<string, unknown>;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId?: string;
  errors?: ProblemItem[];
}

type LocalizedItem = Omit<ProblemItem, "message"> & { message: Message | string };

/** An error that knows its problem+json answer. Thrown anywhere, rendered by the error handler. */
export class ProblemError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail?: Message,
    readonly items: LocalizedItem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail?.en ?? code);
    this.name = "ProblemError";
  }

  get status(): number {
    return PROBLEMS[this.code].status;
  }

  render(lang: Lang, requestId?: string): ProblemBody {
    const def = PROBLEMS[this.code];
    const pick = (m: Message | string) => (typeof m === "string" ? m : lang === "en" ? m.en : m.zh);
    const title = pick(def.title);
    const body: ProblemBody = {
      type: `https://vanguard.example/problems/${this.code.replace(/_/g, "-")}`,
      title,
      status: def.status,
      detail: this.detail ? pick(this.detail) : title,
      code: this.code,
    };
    if (requestId) body.requestId = requestId;
    if (this.items.length) body.errors = this.items.map((i) => ({ ...i, message: pick(i.message) }));
    return body;
  }
}

export const notFound = (what?: Message) => new ProblemError("not_found", what);
export const forbidden = (why?: Message) => new ProblemError("forbidden", why);

/** A 422 naming every rule that refused, with its facts. */
export function ruleViolation(failures: RuleFailure[], detail?: Message): ProblemError {
  return new ProblemError(
    "rule_violation",
    detail ?? failures[0]?.message,
    failures.map((f) => ({ rule: f.rule, message: f.message, facts: f.facts })),
  );
}

export function invalid(path: string, message: Message): ProblemError {
  return new ProblemError("invalid_request", message, [{ path, message }]);
}

/** For `.catch()`: a unique-constraint conflict becomes a 409 that says what already exists. */
export function conflictAs(detail: Message) {
  return (err: unknown): never => {
    if (err instanceof ConflictError) throw new ProblemError("conflict", detail);
    throw err;
  };
}
