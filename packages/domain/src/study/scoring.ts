import { daysBetween } from "../calendar/dates";
import { failure, type RuleFailure } from "../rules/rule";
import { type DayState, RECENT_KEPT, REFS_KEPT, tallyOf } from "./day";
import type { KindRule, StudyRules } from "./rules";
import type { StudySource } from "./sources";

export interface ActivityInput {
  memberId: string;
  kind: string;
  /** ISO 8601 instant with offset */
  occurredAt: string;
  /** its date in the district's time zone */
  day: string;
  durationSec: number | null;
  /** count kinds: how many units (correct answers, items); 1 when absent */
  units: number | null;
  ref: string | null;
  /** `earned` through the study library; absent or `claimed` when a client says it happened */
  source?: StudySource;
}

/** Accepted but not scored: the evidence stays on record and the day loses `flagDeduction`. */
export const STUDY_FLAGS = ["rate_exceeded", "too_fast", "duplicate_ref"] as const;
export type StudyFlag = (typeof STUDY_FLAGS)[number];

export interface ScoreContext {
  rules: StudyRules;
  /** the member's day so far */
  day: DayState;
  /** points this kind earned on the other days of the same ISO week */
  weekPoints: number;
  /** the previous day's latest timestamps, so a burst across midnight is still one burst */
  previousRecent: readonly number[];
  now: Date;
  today: string;
  recorder: "member" | "branch";
}

export type Scored =
  | {
      ok: true;
      /** points the activity earned (≥ 0 for earning kinds, negative for deductions) */
      awarded: number;
      /** points taken because the activity was flagged */
      deducted: number;
      /** less than the activity would have earned without caps */
      capped: boolean;
      flags: StudyFlag[];
      units: number;
      day: DayState;
    }
  | { ok: false; failures: RuleFailure[] };

const SECONDS_PER_DAY = 86_400;

function daySecondsOfTimedKinds(rules: StudyRules, day: DayState): number {
  let sum = 0;
  for (const [code, t] of Object.entries(day.kinds))
    if (rules.kinds[code]?.measure === "time") sum += t.seconds;
  return sum;
}

/** Refusals: activities that cannot have happened as described. */
function refusals(rule: KindRule, a: ActivityInput, c: ScoreContext): RuleFailure[] {
  const out: RuleFailure[] = [];
  const at = Date.parse(a.occurredAt);
  const latest = c.now.getTime() + c.rules.antiFarming.futureToleranceSec * 1000;
  if (at > latest) {
    out.push(
      failure(
        "activity_in_future",
        { zh: "学习活动时间晚于当前时间", en: "The activity is dated in the future" },
        { occurredAt: a.occurredAt, now: c.now.toISOString() },
      ),
    );
  }
  const age = daysBetween(a.day, c.today);
  if (c.recorder === "member" && age > c.rules.antiFarming.selfBackdateDays) {
    out.push(
      failure(
        "activity_too_old",
        {
          zh: `党员只能补记 ${c.rules.antiFarming.selfBackdateDays} 天内的学习活动`,
          en: `Members may record activity up to ${c.rules.antiFarming.selfBackdateDays} days back`,
        },
        { day: a.day, today: c.today, maxDays: c.rules.antiFarming.selfBackdateDays },
      ),
    );
  }
  const d = a.durationSec;
  if (rule.measure === "time" && !(d && d > 0)) {
    out.push(
      failure(
        "activity_duration_required",
        { zh: "计时类学习活动须提供时长", en: "A timed activity needs durationSec" },
        { kind: a.kind },
      ),
    );
  }
  if (d !== null && rule.maxDurationSec !== null && d > rule.maxDurationSec) {
    out.push(
      failure(
        "impossible_duration",
        { zh: "单次学习时长不合常理", en: "The duration is longer than one session can be" },
        { durationSec: d, maxDurationSec: rule.maxDurationSec },
      ),
    );
  } else if (rule.measure === "time" && d && daySecondsOfTimedKinds(c.rules, c.day) + d > SECONDS_PER_DAY) {
    out.push(
      failure(
        "impossible_duration",
        { zh: "当天累计学习时长超过24小时", en: "The day's study time would exceed 24 hours" },
        { durationSec: d, daySeconds: daySecondsOfTimedKinds(c.rules, c.day) },
      ),
    );
  }
  return out;
}

function flagsOf(rule: KindRule, a: ActivityInput, c: ScoreContext): StudyFlag[] {
  const out: StudyFlag[] = [];
  const t = Math.floor(Date.parse(a.occurredAt) / 1000);
  const inWindow = [...c.previousRecent, ...c.day.recent].filter((s) => s > t - 60 && s <= t).length;
  // an earned activity's pace is the library's own (tickets and their minimum time)
  if (a.source !== "earned" && inWindow >= c.rules.antiFarming.maxPerMinute) out.push("rate_exceeded");
  if (
    rule.measure === "count" &&
    rule.minDurationSec !== null &&
    a.durationSec !== null &&
    a.durationSec < rule.minDurationSec
  ) {
    out.push("too_fast");
  }
  if (rule.distinctRef && a.ref !== null && c.day.refs.includes(`${a.kind}:${a.ref}`))
    out.push("duplicate_ref");
  return out;
}

/** Points the rules allow this kind to earn still today (and this week), never negative. */
function room(rule: KindRule, kind: string, c: ScoreContext): number {
  let left = Number.POSITIVE_INFINITY;
  const earned = tallyOf(c.day, kind).points;
  if (rule.dailyCap !== null) left = Math.min(left, rule.dailyCap - earned);
  if (rule.weeklyCap !== null) left = Math.min(left, rule.weeklyCap - c.weekPoints - earned);
  if (rule.group !== null) {
    const cap = c.rules.capGroups[rule.group]?.dailyCap ?? 0;
    let groupEarned = 0;
    for (const [code, t] of Object.entries(c.day.kinds)) {
      if (c.rules.kinds[code]?.group === rule.group) groupEarned += t.points;
    }
    left = Math.min(left, cap - groupEarned);
  }
  return Math.max(0, left);
}

function insertSorted(list: readonly number[], value: number, keep: number): number[] {
  const out = [...list, value].sort((x, y) => x - y);
  return out.slice(Math.max(0, out.length - keep));
}

/**
 * Scores one activity against the member's day so far: refuses what cannot have happened, flags
 * what looks scripted (no points, a deduction), and otherwise awards points per unit without ever
 * passing a daily, group or weekly cap. Timed kinds accumulate the day's seconds and earn per full
 * unit only. Returns the day as it stands afterwards.
 */
export function scoreActivity(a: ActivityInput, c: ScoreContext): Scored {
  const rule = c.rules.kinds[a.kind];
  if (!rule) {
    return {
      ok: false,
      failures: [
        failure(
          "activity_kind_unknown",
          { zh: "规则中没有这种学习活动", en: "The rule set has no such activity kind" },
          { kind: a.kind, ruleVersion: c.day.ruleVersion },
        ),
      ],
    };
  }
  const refused = refusals(rule, a, c);
  if (refused.length) return { ok: false, failures: refused };

  const flags = flagsOf(rule, a, c);
  const tally = tallyOf(c.day, a.kind);
  const t = Math.floor(Date.parse(a.occurredAt) / 1000);
  const earned = a.source === "earned";
  const day: DayState = {
    ...c.day,
    kinds: { ...c.day.kinds },
    // the burst window watches what clients claim; earned activities neither fill nor trip it
    recent: earned ? c.day.recent : insertSorted(c.day.recent, t, RECENT_KEPT),
  };

  if (flags.length) {
    const punished = flags.some((f) => f !== "duplicate_ref");
    const deducted = punished ? c.rules.antiFarming.flagDeduction : 0;
    day.kinds[a.kind] = { ...tally, count: tally.count + 1 };
    day.flagged += 1;
    day.deducted += deducted;
    if (earned) day.earned -= deducted;
    return { ok: true, awarded: 0, deducted, capped: false, flags, units: 0, day };
  }

  const seconds = rule.measure === "time" ? (a.durationSec ?? 0) : 0;
  const units =
    rule.measure === "time"
      ? Math.floor((tally.seconds + seconds) / rule.unitSec!) - Math.floor(tally.seconds / rule.unitSec!)
      : (a.units ?? 1);
  const raw = units * rule.points;
  const awarded = raw > 0 ? Math.min(raw, room(rule, a.kind, c)) : raw;
  day.kinds[a.kind] = {
    points: tally.points + awarded,
    units: tally.units + units,
    seconds: tally.seconds + seconds,
    count: tally.count + 1,
  };
  if (rule.distinctRef && a.ref !== null && awarded > 0 && day.refs.length < REFS_KEPT) {
    day.refs = [...day.refs, `${a.kind}:${a.ref}`];
  }
  if (rule.classHours) day.classSeconds += a.durationSec ?? 0;
  if (earned) day.earned += awarded;
  return { ok: true, awarded, deducted: 0, capped: awarded < raw, flags, units, day };
}
