import { addMonthsToMonth, monthOf } from "../calendar/dates";
import { failure, type RuleFailure } from "../rules/rule";

/**
 * Where a branch's records start (docs/adoption.md). A branch that came to the platform mid-year has
 * no records of the months before: judging them would count what was never entered as never done.
 * So every judgement (meeting cadence, dues, study, audits, scorecards) counts only the periods that
 * start on or after the branch's `recordsFrom` and, for one member's dues and study, on or after the
 * day they came onto the branch's roll (`joinedBranchOn`). A period that straddles the start is not
 * judged at all: neither blamed for the days before nor credited for the days after.
 */

/** The later of the starts that apply (null ones ignored); null when none applies. */
export function recordsStart(...starts: (string | null | undefined)[]): string | null {
  let out: string | null = null;
  for (const s of starts) if (s && (out === null || s > out)) out = s;
  return out;
}

/** Whether a period beginning on `periodFrom` is judged under a records start. */
export function periodJudged(periodFrom: string, start: string | null): boolean {
  return start === null || periodFrom >= start;
}

/** The first month judged from a start: its own month if it starts on the 1st, else the next. */
export function firstJudgedMonth(start: string): string {
  const month = monthOf(start);
  return start.endsWith("-01") ? month : addMonthsToMonth(month, 1);
}

/** The months among `months` that are judged under a records start. */
export function judgedMonths(months: readonly string[], start: string | null): string[] {
  if (start === null) return [...months];
  const first = firstJudgedMonth(start);
  return months.filter((m) => m >= first);
}

/**
 * Whether a report period (its first and last day) lies wholly before the records start: such a
 * period has no records, which a report shows as "no records" (无记录), never as 0 %.
 */
export function beforeRecords(periodTo: string, start: string | null): boolean {
  return start !== null && periodTo < start;
}

/**
 * A records-from day a district may set: not in the future (records cannot be complete from a day
 * still to come) and not before the branch was founded.
 */
export function checkRecordsFrom(recordsFrom: string, foundedOn: string, today: string): RuleFailure[] {
  const out: RuleFailure[] = [];
  if (recordsFrom > today) {
    out.push(
      failure(
        "records_from_in_future",
        { zh: "记录起始日期不能晚于今天", en: "The records-from date cannot be in the future" },
        { recordsFrom, today },
      ),
    );
  }
  if (recordsFrom < foundedOn) {
    out.push(
      failure(
        "records_from_before_founding",
        {
          zh: `记录起始日期不能早于组织成立日期（${foundedOn}）`,
          en: `The records-from date cannot precede the unit's founding (${foundedOn})`,
        },
        { recordsFrom, foundedOn },
      ),
    );
  }
  return out;
}
