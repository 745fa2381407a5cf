import { arrears, arrearsSeverity, firstJudgedMonth, monthOf, recordsStart } from "@vanguard/domain";

/** Arrears look back a year: 6 unpaid months in a row is the line 党章 Art. 9 draws (docs/domain.md §Dues). */
export const LOOKBACK_MONTHS = 11;

/**
 * A member's arrears as of `month`: counted from the latest of the look-back's first month, the
 * month they joined and the first month judged in this branch (docs/adoption.md). Shared by the
 * month's dues and the branch's home page so both name the same people.
 */
export function memberArrears(
  recordsFrom: string | null,
  m: { joinedOn: string | null; joinedBranchOn: string | null },
  { month, fromMonth }: { month: string; fromMonth: string },
  paidMonths: ReadonlySet<string>,
) {
  const start = recordsStart(recordsFrom, m.joinedBranchOn);
  const judgedFrom = start ? firstJudgedMonth(start) : null;
  const since = [fromMonth, m.joinedOn ? monthOf(m.joinedOn) : "", judgedFrom ?? ""].sort().at(-1)!;
  const a =
    since <= month
      ? arrears({ since, asOf: month, paidMonths: new Set(paidMonths) })
      : { unpaid: [], consecutive: 0 };
  return {
    arrearsMonths: a.unpaid,
    judgedFrom,
    consecutiveUnpaid: a.consecutive,
    arrearsSeverity: arrearsSeverity(a.consecutive),
  };
}
