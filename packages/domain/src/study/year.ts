import { activityCount, type DayState, dayPoints } from "./day";

export interface StudyYear {
  /** `earned` and `claimed` split `points` (docs/domain.md §Earned and claimed points) */
  totals: {
    points: number;
    earned: number;
    claimed: number;
    activeDays: number;
    activities: number;
    flagged: number;
  };
  byDay: {
    day: string;
    points: number;
    earned: number;
    claimed: number;
    ruleVersion: number;
    kinds: Record<string, number>;
  }[];
  byKind: { kind: string; points: number; units: number; count: number }[];
}

/** A member's days added up: totals, points per day and kind, and each kind over the period. */
export function summarizeDays(days: readonly DayState[]): StudyYear {
  const byKind = new Map<string, { points: number; units: number; count: number }>();
  const totals = { points: 0, earned: 0, claimed: 0, activeDays: days.length, activities: 0, flagged: 0 };
  const byDay = [...days]
    .sort((a, b) => a.day.localeCompare(b.day))
    .map((d) => {
      const kinds: Record<string, number> = {};
      for (const [kind, t] of Object.entries(d.kinds)) {
        kinds[kind] = t.points;
        const k = byKind.get(kind) ?? { points: 0, units: 0, count: 0 };
        byKind.set(kind, { points: k.points + t.points, units: k.units + t.units, count: k.count + t.count });
      }
      const points = dayPoints(d);
      totals.points += points;
      totals.earned += d.earned;
      totals.claimed += points - d.earned;
      totals.activities += activityCount(d);
      totals.flagged += d.flagged;
      return {
        day: d.day,
        points,
        earned: d.earned,
        claimed: points - d.earned,
        ruleVersion: d.ruleVersion,
        kinds,
      };
    });
  return { totals, byDay, byKind: [...byKind].map(([kind, k]) => ({ kind, ...k })) };
}
