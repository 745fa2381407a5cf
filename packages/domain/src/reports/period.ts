import { addMonthsToMonth, monthOf, monthRange } from "../calendar/dates";
import { isQuarter, monthEnd, quarterMonths } from "../evaluations/periods";

/**
 * The period a compliance report covers: a year (`2026`), a quarter (`2026-Q3`) or a month
 * (`2026-11`). While the period runs, the report looks up to today; what each measure counts is
 * decided here so every shard and every view counts the same way.
 */
export type ReportPeriodKind = "year" | "quarter" | "month";

export interface ReportPeriod {
  key: string;
  kind: ReportPeriodKind;
  year: number;
  from: string;
  to: string;
  /** the last day the report looks at: the period's end, or today while the period runs */
  asOf: string;
  /** the period is over: what it lacked, it lacks for good */
  ended: boolean;
  /** months of the period up to `asOf` */
  months: string[];
  /**
   * months whose dues are judged: the ended ones (dues are paid during the month), or the running
   * month when the period has no ended month yet
   */
  duesMonths: string[];
  /** the study totals that cover the period: the year's own key, or its months */
  studyKeys: string[];
}

export const REPORT_PERIOD_PATTERN = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

export function isReportPeriod(value: string): boolean {
  return REPORT_PERIOD_PATTERN.test(value);
}

function bounds(key: string): { kind: ReportPeriodKind; months: string[] } {
  if (/^\d{4}$/.test(key)) return { kind: "year", months: monthRange(`${key}-01`, `${key}-12`) };
  if (isQuarter(key)) return { kind: "quarter", months: quarterMonths(key) };
  return { kind: "month", months: [key] };
}

/** The period named by `key` (default: this year) as seen on `today` in the district. */
export function reportPeriod(key: string | undefined, today: string): ReportPeriod {
  const k = key ?? today.slice(0, 4);
  if (!isReportPeriod(k)) throw new RangeError(`not a report period: ${k}`);
  const { kind, months: all } = bounds(k);
  const from = `${all[0]}-01`;
  const to = monthEnd(all.at(-1)!);
  const asOf = to < today ? to : today;
  const months = all.filter((m) => m <= monthOf(asOf) && `${m}-01` <= asOf);
  const ended = months.filter((m) => m <= addMonthsToMonth(monthOf(today), -1));
  return {
    key: k,
    kind,
    year: Number(k.slice(0, 4)),
    from,
    to,
    asOf,
    ended: to < today,
    months,
    duesMonths: ended.length ? ended : months,
    studyKeys: kind === "year" ? (months.length ? [k] : []) : months,
  };
}

/** The last `n` months up to and including today's, oldest first: the dashboard's trend window. */
export function trendMonths(n: number, today: string): string[] {
  const last = monthOf(today);
  return monthRange(addMonthsToMonth(last, 1 - n), last);
}
