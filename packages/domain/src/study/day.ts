/** What one kind added up to in a member's day. */
export interface KindTally {
  points: number;
  /** units counted (articles, correct answers, full time units), before caps */
  units: number;
  /** accumulated duration of a timed kind */
  seconds: number;
  /** activities recorded, flagged ones included */
  count: number;
}

/**
 * A member's study day: the aggregate every read uses, so reads never touch raw activities. It also
 * carries what the next activity's checks need (refs already scored, the latest timestamps).
 */
export interface DayState {
  memberId: string;
  day: string;
  /** the rule-set version the day is scored with, fixed by its first activity */
  ruleVersion: number;
  kinds: Record<string, KindTally>;
  /** `kind:ref` of items that already earned today */
  refs: string[];
  /** epoch seconds of the day's latest activities, ascending (rate checks) */
  recent: number[];
  /** points taken for flagged activities */
  deducted: number;
  /** of the day's points, those earned in the study library (docs/domain.md §Earned and claimed points) */
  earned: number;
  flagged: number;
  /** seconds that count toward class hours */
  classSeconds: number;
}

export const RECENT_KEPT = 32;
export const REFS_KEPT = 500;

export function emptyDay(memberId: string, day: string, ruleVersion: number): DayState {
  return {
    memberId,
    day,
    ruleVersion,
    kinds: {},
    refs: [],
    recent: [],
    deducted: 0,
    earned: 0,
    flagged: 0,
    classSeconds: 0,
  };
}

export function dayPoints(d: DayState): number {
  let sum = 0;
  for (const t of Object.values(d.kinds)) sum += t.points;
  return sum - d.deducted;
}

export function tallyOf(d: DayState, kind: string): KindTally {
  return d.kinds[kind] ?? { points: 0, units: 0, seconds: 0, count: 0 };
}

export function activityCount(d: DayState): number {
  let n = 0;
  for (const t of Object.values(d.kinds)) n += t.count;
  return n;
}
