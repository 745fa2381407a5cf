import { addDays } from "../calendar/dates";
import type { RuleFailure } from "../rules/rule";
import { type DayState, dayPoints, emptyDay, tallyOf } from "./day";
import { mondayOf, periodKeysOf } from "./periods";
import type { StudyRules } from "./rules";
import { type ActivityInput, type StudyFlag, scoreActivity } from "./scoring";

/** Key of a member's day, or of a member's period row. */
export const memberKey = (memberId: string, dayOrPeriod: string) => `${memberId}|${dayOrPeriod}`;

/**
 * The stored days scoring a batch needs: for each activity its whole ISO week (weekly caps; a late
 * record may land before days already scored) and the day before (a burst across midnight).
 */
export function daysNeeded(activities: readonly ActivityInput[]): {
  memberIds: string[];
  from: string;
  to: string;
} | null {
  if (activities.length === 0) return null;
  let from = "9999-12-31";
  let to = "0000-01-01";
  for (const a of activities) {
    const monday = mondayOf(a.day);
    const before = addDays(monday, -1);
    const sunday = addDays(monday, 6);
    if (before < from) from = before;
    if (sunday > to) to = sunday;
  }
  return { memberIds: [...new Set(activities.map((a) => a.memberId))], from, to };
}

/** Whether some activity starts a day not stored yet (which then takes the latest rule set). */
export function startsNewDay(activities: readonly ActivityInput[], stored: readonly DayState[]): boolean {
  const have = new Set(stored.map((d) => memberKey(d.memberId, d.day)));
  return activities.some((a) => !have.has(memberKey(a.memberId, a.day)));
}

export type LedgerEntry =
  | {
      index: number;
      ok: true;
      activity: ActivityInput;
      awarded: number;
      deducted: number;
      capped: boolean;
      flags: StudyFlag[];
      units: number;
      dayTotal: number;
      ruleVersion: number;
    }
  | { index: number; ok: false; activity: ActivityInput; failures: RuleFailure[] };

export interface LedgerInput {
  /** in the order they were sent; scored in the order they happened */
  activities: readonly ActivityInput[];
  /** the stored days `daysNeeded` names */
  stored: readonly DayState[];
  rulesFor: (version: number) => StudyRules;
  /** the version a day not stored yet is scored with */
  latestVersion: number;
  now: Date;
  today: string;
  recorder: "member" | "branch";
}

/**
 * Scores a batch of activities in the order they happened, each against the day as the earlier
 * ones left it. A day keeps the rule-set version of its first activity. Returns one entry per
 * activity (in the order sent) and the days that changed.
 */
export function scoreActivities(input: LedgerInput): { entries: LedgerEntry[]; changed: DayState[] } {
  const days = new Map(input.stored.map((d) => [memberKey(d.memberId, d.day), d]));
  const changed = new Set<string>();
  const entries: LedgerEntry[] = new Array(input.activities.length);
  const order = input.activities
    .map((a, index) => ({ a, index }))
    .sort((x, y) => Date.parse(x.a.occurredAt) - Date.parse(y.a.occurredAt) || x.index - y.index);
  for (const { a, index } of order) {
    const key = memberKey(a.memberId, a.day);
    const day = days.get(key) ?? emptyDay(a.memberId, a.day, input.latestVersion);
    const monday = mondayOf(a.day);
    let weekPoints = 0;
    for (let i = 0; i < 7; i++) {
      const d = addDays(monday, i);
      const other = d === a.day ? undefined : days.get(memberKey(a.memberId, d));
      if (other) weekPoints += tallyOf(other, a.kind).points;
    }
    const scored = scoreActivity(a, {
      rules: input.rulesFor(day.ruleVersion),
      day,
      weekPoints,
      previousRecent: days.get(memberKey(a.memberId, addDays(a.day, -1)))?.recent ?? [],
      now: input.now,
      today: input.today,
      recorder: input.recorder,
    });
    if (!scored.ok) {
      entries[index] = { index, ok: false, activity: a, failures: scored.failures };
      continue;
    }
    days.set(key, scored.day);
    changed.add(key);
    entries[index] = {
      index,
      ok: true,
      activity: a,
      awarded: scored.awarded,
      deducted: scored.deducted,
      capped: scored.capped,
      flags: scored.flags,
      units: scored.units,
      dayTotal: dayPoints(scored.day),
      ruleVersion: scored.day.ruleVersion,
    };
  }
  return { entries, changed: [...changed].map((k) => days.get(k)!) };
}

export interface MemberPeriodDelta {
  memberId: string;
  period: string;
  points: number;
  activities: number;
  /** 1 for each day the member becomes active on */
  activeDays: number;
  /** of the points and activities, those earned in the study library */
  earned: number;
  earnedActivities: number;
}

export interface BranchPeriodDelta {
  period: string;
  points: number;
  activities: number;
  /** members active in the period for the first time */
  activeMembers: number;
  earned: number;
  earnedActivities: number;
  /** members with their first earned activity of the period */
  earnedActiveMembers: number;
}

/**
 * What scored activities add to the per-period totals leaderboards read (day, ISO week, month,
 * year): points, activities, active days per member and newly active members per branch, each
 * also for earned activities alone. `existing` holds `memberKey(memberId, period)` of the member
 * period rows already stored, `existingEarned` those with an earned activity.
 */
export function rollUp(
  entries: readonly LedgerEntry[],
  existing: ReadonlySet<string>,
  existingEarned: ReadonlySet<string> = new Set(),
): { members: MemberPeriodDelta[]; branch: BranchPeriodDelta[] } {
  const members = new Map<string, MemberPeriodDelta>();
  const branch = new Map<string, BranchPeriodDelta>();
  const seen = new Set(existing);
  const seenEarning = new Set(existingEarned);
  for (const e of entries) {
    if (!e.ok) continue;
    const { memberId, day } = e.activity;
    const earned = e.activity.source === "earned";
    const net = e.awarded - e.deducted;
    const newDay = !seen.has(memberKey(memberId, day));
    for (const period of periodKeysOf(day)) {
      const key = memberKey(memberId, period);
      const m = members.get(key) ?? {
        memberId,
        period,
        points: 0,
        activities: 0,
        activeDays: 0,
        earned: 0,
        earnedActivities: 0,
      };
      m.points += net;
      m.activities += 1;
      if (newDay) m.activeDays += 1;
      const b = branch.get(period) ?? {
        period,
        points: 0,
        activities: 0,
        activeMembers: 0,
        earned: 0,
        earnedActivities: 0,
        earnedActiveMembers: 0,
      };
      b.points += net;
      b.activities += 1;
      if (!seen.has(key)) b.activeMembers += 1;
      if (earned) {
        m.earned += net;
        m.earnedActivities += 1;
        b.earned += net;
        b.earnedActivities += 1;
        if (!seenEarning.has(key)) b.earnedActiveMembers += 1;
        seenEarning.add(key);
      }
      members.set(key, m);
      branch.set(period, b);
      seen.add(key);
    }
  }
  return { members: [...members.values()], branch: [...branch.values()] };
}
