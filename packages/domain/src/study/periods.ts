import { addDays, dayOfWeek, daysBetween, monthOf } from "../calendar/dates";

/**
 * The periods points add up over. Keys are unambiguous by shape, so one column can hold them all:
 * `2026-11-27` (day), `2026-W48` (ISO week, Monday first as Chinese calendars count),
 * `2026-11` (month), `2026` (year).
 */
export const STUDY_PERIODS = ["day", "week", "month", "year"] as const;
export type StudyPeriod = (typeof STUDY_PERIODS)[number];

export interface PeriodSpan {
  period: StudyPeriod;
  key: string;
  from: string;
  to: string;
}

export function mondayOf(date: string): string {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

/** ISO 8601 week: the week belongs to the year of its Thursday. */
export function isoWeekKey(date: string): string {
  const thursday = addDays(mondayOf(date), 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function periodOf(period: StudyPeriod, date: string): PeriodSpan {
  switch (period) {
    case "day":
      return { period, key: date, from: date, to: date };
    case "week": {
      const from = mondayOf(date);
      return { period, key: isoWeekKey(date), from, to: addDays(from, 6) };
    }
    case "month": {
      const month = monthOf(date);
      return { period, key: month, from: `${month}-01`, to: lastDayOfMonth(month) };
    }
    case "year": {
      const year = date.slice(0, 4);
      return { period, key: year, from: `${year}-01-01`, to: `${year}-12-31` };
    }
  }
}

/** The four period keys a day's points count toward. */
export function periodKeysOf(date: string): string[] {
  return STUDY_PERIODS.map((p) => periodOf(p, date).key);
}
