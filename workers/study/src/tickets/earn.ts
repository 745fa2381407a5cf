import type { DataPlane, TenantContext } from "@vanguard/db";
import { CAPPED, type Message, REPEAT_READ, type RuleFailure } from "@vanguard/domain";
import { forbidden, internalContext, notFound, ruleViolation } from "@vanguard/platform";
import type { Context } from "hono";
import { type RecordedActivity, scoreInPlan } from "../activities/record";

/** Only a member earns in the library, for themself: the ticket or the answers are theirs. */
export function earningMember(c: Context): string {
  const { principal } = internalContext(c);
  if (principal.role !== "member" || !principal.memberId) {
    throw forbidden({
      zh: "学习资料的阅读凭证和答题只由党员本人使用自己的账号或密钥完成",
      en: "Only members themselves, with their own account or key, take reading tickets and quizzes",
    });
  }
  return principal.memberId;
}

export const NOT_ON_ROLL = { zh: "该人员不在本支部名册上", en: "This person is not on the branch's roll" };

/** A member who left the branch (or never was on its roll) sees nothing of it. */
export function refuseAbsent(person: { leftOn: string | null } | undefined): void {
  if (!person || person.leftOn) throw notFound(NOT_ON_ROLL);
}

export interface Earned {
  activities: RecordedActivity[];
  awarded: number;
  capped: boolean;
  dayTotal: number;
  statements: D1PreparedStatement[];
}

/**
 * Records activities the server verified (source `earned`) inside a branch write, through the same
 * scoring as everything else, so caps, cap groups and the day's rule-set version hold. A refusal
 * refuses the whole write.
 */
export async function earnInPlan(
  plane: DataPlane,
  tc: TenantContext,
  activities: {
    memberId: string;
    kind: string;
    units: number | null;
    durationSec: number | null;
    ref: string | null;
  }[],
  opts: { recordedBy: string; now: Date },
): Promise<Earned> {
  const occurredAt = opts.now.toISOString();
  const { outcomes, landed, statements } = await scoreInPlan(
    plane,
    tc,
    activities.map((a) => ({ ...a, occurredAt, source: "earned" as const })),
    { recorder: "member", recordedBy: opts.recordedBy, now: opts.now },
  );
  const failures: RuleFailure[] = outcomes.flatMap((o) => (o.ok ? [] : o.failures));
  if (failures.length) throw ruleViolation(failures);
  const recorded = landed.map((o) => o.result);
  return {
    activities: recorded,
    awarded: recorded.reduce((s, r) => s + r.awarded - r.deducted, 0),
    capped: recorded.some((r) => r.capped),
    dayTotal: recorded.at(-1)?.dayTotal ?? 0,
    statements,
  };
}

/**
 * Why an earning read or quiz got fewer points than it would have: the material already counted
 * today (a client had claimed it), or the day's caps.
 */
export function reasonOf(e: Pick<Earned, "capped" | "activities">, lang: string): Reason | null {
  if (e.activities.some((a) => a.flags.includes("duplicate_ref"))) return reason(REPEAT_READ, lang);
  return e.capped ? reason(CAPPED, lang) : null;
}

export type Reason = { code: (typeof REPEAT_READ | typeof CAPPED)["code"]; message: string };

export const reason = (r: typeof REPEAT_READ | typeof CAPPED, lang: string): Reason => ({
  code: r.code,
  message: text(r.message, lang),
});

export const text = (m: Message, lang: string) => (lang === "en" ? m.en : m.zh);
