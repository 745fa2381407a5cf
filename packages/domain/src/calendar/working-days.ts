import chineseDays from "chinese-days/dist/chinese-days.json";
import { addDays, dayOfWeek } from "./dates";

/** A day whose nature differs from the plain Monday–Friday rule. */
export interface CalendarDay {
  date: string;
  /** `holiday`: a weekday off; `workday`: a weekend day worked (调休) */
  kind: "holiday" | "workday";
  name?: string;
}

/**
 * The working-day calendar: the official PRC holidays and make-up workdays as published by the
 * State Council (bundled from `chinese-days`), overlaid by the days a platform admin has set, so a
 * new year's notice can be entered before a library update ships.
 */
export class WorkingCalendar {
  private readonly holidays = new Set<string>();
  private readonly workdays = new Set<string>();

  constructor(overrides: readonly CalendarDay[] = [], useBundled = true) {
    if (useBundled) {
      for (const date of Object.keys(chineseDays.holidays)) this.holidays.add(date);
      for (const date of Object.keys(chineseDays.workdays)) this.workdays.add(date);
    }
    for (const day of overrides) {
      if (day.kind === "holiday") {
        this.holidays.add(day.date);
        this.workdays.delete(day.date);
      } else {
        this.workdays.add(day.date);
        this.holidays.delete(day.date);
      }
    }
  }

  isWorkingDay(date: string): boolean {
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const dow = dayOfWeek(date);
    return dow !== 0 && dow !== 6;
  }

  /** Working days in [from, to] inclusive. */
  countWorkingDays(from: string, to: string): number {
    let n = 0;
    for (let d = from; d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) n += 1;
    return n;
  }

  /** The date on which the `n`-th working day after `from` (exclusive) falls. */
  addWorkingDays(from: string, n: number): string {
    let d = from;
    let left = n;
    while (left > 0) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) left -= 1;
    }
    return d;
  }
}

/** The bundled official days of a year (holidays and make-up workdays), in date order. */
export function bundledCalendarDays(year: number): CalendarDay[] {
  const prefix = `${year}-`;
  const pick = (days: Record<string, string>, kind: CalendarDay["kind"]) =>
    Object.entries(days)
      .filter(([d]) => d.startsWith(prefix))
      .map(([date, label]) => ({ date, kind, name: label.split(",")[1] }));
  return [...pick(chineseDays.holidays, "holiday"), ...pick(chineseDays.workdays, "workday")].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}
