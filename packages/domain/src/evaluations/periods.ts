import { addDays, addMonthsToMonth, isIsoDate, isIsoMonth } from "../calendar/dates";

/**
 * Quarters as `YYYY-Qn` strings, the period of the quarterly inspection (每季度党建工作检查). Like
 * dates and months they sort as strings, so comparisons need no parsing.
 */
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

export function isQuarter(value: string): boolean {
  return QUARTER_RE.test(value);
}

export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

function parts(quarter: string): { year: number; q: number } {
  const m = QUARTER_RE.exec(quarter);
  if (!m) throw new RangeError(`not a quarter: ${quarter}`);
  return { year: Number(m[1]), q: Number(m[2]) };
}

/** The months of a quarter, in order. */
export function quarterMonths(quarter: string): [string, string, string] {
  const { year, q } = parts(quarter);
  const first = `${year}-${String((q - 1) * 3 + 1).padStart(2, "0")}`;
  return [first, addMonthsToMonth(first, 1), addMonthsToMonth(first, 2)];
}

export function quarterStart(quarter: string): string {
  return `${quarterMonths(quarter)[0]}-01`;
}

export function quarterEnd(quarter: string): string {
  return monthEnd(quarterMonths(quarter)[2]);
}

export function addQuarters(quarter: string, n: number): string {
  const { year, q } = parts(quarter);
  const index = year * 4 + (q - 1) + n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The last day of a month. */
export function monthEnd(month: string): string {
  if (!isIsoMonth(month)) throw new RangeError(`not a month: ${month}`);
  return addDays(`${addMonthsToMonth(month, 1)}-01`, -1);
}

export function isWithinMonth(date: string, month: string): boolean {
  return isIsoDate(date) && date.slice(0, 7) === month;
}
