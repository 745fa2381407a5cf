/**
 * Calendar dates as `YYYY-MM-DD` strings. Party rules count in calendar days, months and years of
 * the district's time zone, never in instants, so dates stay plain strings and all arithmetic runs
 * on UTC midnight where no daylight-saving shift can move a day.
 */
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

export function isIsoMonth(value: string): boolean {
  const m = MONTH_RE.exec(value);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

function toUtc(date: string): Date {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Adds calendar months, clamping to the month's last day (01-31 + 1 month = 02-28/29). */
export function addMonths(date: string, months: number): string {
  const d = toUtc(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return fromUtc(d);
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

/** Completed years of age (or of anything) on `on`. */
export function yearsBetween(from: string, on: string): number {
  let years = Number(on.slice(0, 4)) - Number(from.slice(0, 4));
  if (on.slice(5) < from.slice(5)) years -= 1;
  return years;
}

export function dayOfWeek(date: string): number {
  return toUtc(date).getUTCDay();
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/**
 * A month plus whole months, on the month's number alone: the dues and home pages walk a year of
 * months for every member, and a Date built and printed per step cost the home page nearly as much as
 * building its eight queries.
 */
export function addMonthsToMonth(month: string, months: number): string {
  const m = MONTH_RE.exec(month);
  if (!m || !isIsoMonth(month)) throw new RangeError(`not a calendar month: ${month}`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + months;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String(index - year * 12 + 1).padStart(2, "0")}`;
}

/** Months from `a` to `b` inclusive, in order; empty if b precedes a. */
export function monthRange(a: string, b: string): string[] {
  const out: string[] = [];
  for (let m = a; m <= b; m = addMonthsToMonth(m, 1)) out.push(m);
  return out;
}

/**
 * Formatters by time zone. Building an `Intl.DateTimeFormat` loads the zone's rules (about 0.2 ms
 * each time); formatting with a built one takes microseconds, and districts share a handful of zones.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date in a time zone (districts default to Asia/Shanghai). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}
