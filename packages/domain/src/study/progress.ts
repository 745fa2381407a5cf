import type { Message } from "../rules/rule";
import { type DayState, tallyOf } from "./day";
import type { StudyRules } from "./rules";

export interface KindProgress {
  kind: string;
  label: Message;
  points: number;
  /** the tightest daily cap (the kind's own or its group's); null: none */
  cap: number | null;
  units: number;
  count: number;
  /** "4/12", as 学习强国 members expect to see it */
  progress: string;
  /** kinds with a weekly cap: the week so far against it ("5/5") */
  week: { points: number; cap: number; progress: string } | null;
}

export interface GroupProgress {
  group: string;
  label: Message;
  points: number;
  cap: number;
  progress: string;
}

/**
 * Per-item progress of a member's day against the caps of the rule set the day is scored with.
 * `weekPoints` gives each kind's points on the other days of the week, for weekly caps.
 */
export function dayProgress(
  rules: StudyRules,
  day: DayState,
  weekPoints: (kind: string) => number = () => 0,
): { kinds: KindProgress[]; groups: GroupProgress[] } {
  const groupPoints = new Map<string, number>();
  for (const [code, t] of Object.entries(day.kinds)) {
    const g = rules.kinds[code]?.group;
    if (g) groupPoints.set(g, (groupPoints.get(g) ?? 0) + t.points);
  }
  const kinds = Object.entries(rules.kinds)
    .filter(([, r]) => r.points > 0)
    .map(([kind, r]) => {
      const t = tallyOf(day, kind);
      const caps = [r.dailyCap, r.group ? (rules.capGroups[r.group]?.dailyCap ?? null) : null].filter(
        (c): c is number => c !== null,
      );
      const cap = caps.length ? Math.min(...caps) : null;
      const weekTotal = weekPoints(kind) + t.points;
      return {
        kind,
        label: r.label,
        points: t.points,
        cap,
        units: t.units,
        count: t.count,
        progress: cap === null ? String(t.points) : `${t.points}/${cap}`,
        week:
          r.weeklyCap === null
            ? null
            : { points: weekTotal, cap: r.weeklyCap, progress: `${weekTotal}/${r.weeklyCap}` },
      };
    });
  const groups = Object.entries(rules.capGroups).map(([group, g]) => {
    const points = groupPoints.get(group) ?? 0;
    return { group, label: g.label, points, cap: g.dailyCap, progress: `${points}/${g.dailyCap}` };
  });
  return { kinds, groups };
}
