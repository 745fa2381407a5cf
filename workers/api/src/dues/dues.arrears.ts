import { arrears, arrearsSeverity, firstJudgedMonth, monthOf, recordsStart } from "@vanguard/domain";

/** Arrears look back a year: 6 unpaid months in a row is the line 党章 Art. 9 draws (docs/domain.md §Dues). */
export const LOOKBACK_MONTHS = 11;

/**
 * A member's arrears as of `month`: counted from the latest of the look-back's first month, the
 * month they joined and the first month judged in this branch (docs/adoption.md). Shared by the
 * month's dues and the branch's home page so both name the same people; the run in a row leaves
 * out the month under way (`current`) while it is unpaid, as the daily audit does.
 */
export function memberArrears(
  recordsFrom: string | null,
  m: { joinedOn: string | null; joinedBranchOn: string | null },
  { month, fromMonth, current }: { month: string; fromMonth: string; current: string },
  paidMonths: ReadonlySet<string>,
) {
  const start = recordsStart(recordsFrom, m.joinedBranchOn);
  const judgedFrom = start ? firstJudgedMonth(start) : null;
  const since = [fromMonth, m.joinedOn ? monthOf(m.joinedOn) : "", judgedFrom ?? ""].sort().at(-1)!;
  const a =
    since <= month
      ? arrears({ since, asOf: month, paidMonths: new Set(paidMonths), current })
      : { unpaid: [], late: [], consecutive: 0 };
  return {
    arrearsMonths: a.unpaid,
    lateMonths: a.late,
    judgedFrom,
    consecutiveUnpaid: a.consecutive,
    arrearsSeverity: arrearsSeverity(a.consecutive),
  };
}
