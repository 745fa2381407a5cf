import { addMonthsToMonth, monthOf, monthRange } from "../calendar/dates";
import { firstJudgedMonth, recordsStart } from "../records/records-from";

/** Dues categories of the 2008 dues regulation (党费规定). */
export const DUES_CATEGORIES = ["employed", "retired", "farmer", "student", "unemployed", "relief"] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number];

/** A bracket: income up to `upTo` yuan (inclusive; null = no bound) pays `rate` of the whole income. */
export interface DuesBracket {
  upTo: number | null;
  rate: number;
}

export interface DuesRules {
  employed: DuesBracket[];
  retired: DuesBracket[];
  /** farmers pay a fixed amount the branch sets within this range (fen) */
  farmerRangeFen: [number, number];
  farmerDefaultFen: number;
  /** students, the unemployed and members on relief */
  flatFen: number;
}

export const DEFAULT_DUES_RULES: DuesRules = {
  employed: [
    { upTo: 3000, rate: 0.005 },
    { upTo: 5000, rate: 0.01 },
    { upTo: 10000, rate: 0.015 },
    { upTo: null, rate: 0.02 },
  ],
  retired: [
    { upTo: 5000, rate: 0.005 },
    { upTo: null, rate: 0.01 },
  ],
  farmerRangeFen: [20, 100],
  farmerDefaultFen: 50,
  flatFen: 20,
};

export interface DuesBasisInput {
  category: DuesCategory;
  /** monthly after-tax income in yuan; used for employed and retired members */
  monthlyIncome: number;
  /** a fixed monthly amount in fen, for farmers (within the rule set's range) */
  fixedFen?: number;
}

function rateFor(brackets: DuesBracket[], income: number): number {
  for (const b of brackets) if (b.upTo === null || income <= b.upTo) return b.rate;
  throw new RangeError("dues brackets must end with an unbounded bracket");
}

/**
 * The monthly due in fen (分). The regulation applies one rate to the whole income (not
 * progressively), and amounts are kept in integer fen so that sums never drift.
 */
export function monthlyDueFen(basis: DuesBasisInput, rules: DuesRules = DEFAULT_DUES_RULES): number {
  switch (basis.category) {
    case "employed":
    case "retired": {
      const income = Math.max(0, basis.monthlyIncome);
      const incomeFen = Math.round(income * 100);
      return Math.round(incomeFen * rateFor(rules[basis.category], income));
    }
    case "farmer": {
      const [min, max] = rules.farmerRangeFen;
      const fen = basis.fixedFen ?? rules.farmerDefaultFen;
      return Math.min(max, Math.max(min, fen));
    }
    default:
      return rules.flatFen;
  }
}

export function fenToYuan(fen: number): number {
  return Math.round(fen) / 100;
}

export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Dues may be paid at most this many months ahead of the month being collected (regulation: 6). */
export const MAX_ADVANCE_MONTHS = 6;

export interface ArrearsInput {
  /** the first month dues are owed (joining or admission month, or when tracking began) */
  since: string;
  /** the month being looked at */
  asOf: string;
  /** months for which a payment covering the due was recorded */
  paidMonths: ReadonlySet<string>;
  /** the month under way, when `asOf` is it: its dues are not late until it ends */
  current?: string;
}

export interface Arrears {
  /** unpaid months from `since` to `asOf`, oldest first */
  unpaid: string[];
  /** the unpaid months that are late: `unpaid` less the month under way, whose dues are not due yet */
  late: string[];
  /**
   * unpaid months in a row ending at `asOf`, not counting `asOf` while it is the month under way
   * and unpaid (as the daily audit counts: up to last month); 3 raises a warning, 6 a severe finding
   */
  consecutive: number;
}

export function arrears({ since, asOf, paidMonths, current }: ArrearsInput): Arrears {
  const months = monthRange(since, asOf);
  const unpaid = months.filter((m) => !paidMonths.has(m));
  // a payment for the month under way ends the run; no payment yet is not late yet
  const last = asOf === current && !paidMonths.has(asOf) ? months.length - 2 : months.length - 1;
  let consecutive = 0;
  for (let i = last; i >= 0 && !paidMonths.has(months[i]!); i--) consecutive += 1;
  return { unpaid, late: unpaid.filter((m) => m !== current), consecutive };
}

/** Severity of dues arrears (docs/domain.md §Dues): never a removal, only a finding for humans. */
export function arrearsSeverity(consecutive: number): "none" | "warning" | "severe" {
  if (consecutive >= 6) return "severe";
  if (consecutive >= 3) return "warning";
  return "none";
}

export interface ArrearsStartFacts {
  /** the latest month paid, if any */
  lastPaid: string | null;
  /** joining the party: dues are owed from that month */
  joinedOn: string | null;
  /** the first month anyone in the branch paid: when the branch began recording dues */
  branchFirst: string;
  /** coming onto this branch's roll, and the branch's records start (docs/adoption.md) */
  joinedBranchOn: string | null;
  recordsFrom: string | null;
}

/**
 * The first month a member's unpaid run can count from: after the last payment, never before they
 * owed dues or the branch recorded any, and never before the first whole month of the branch's
 * records and of the member's time on its roll.
 */
export function arrearsStartMonth(f: ArrearsStartFacts): string {
  const owed = f.joinedOn ? monthOf(f.joinedOn) : f.branchFirst;
  const base = f.lastPaid ? addMonthsToMonth(f.lastPaid, 1) : [owed, f.branchFirst].sort().at(-1)!;
  const start = recordsStart(f.recordsFrom, f.joinedBranchOn);
  if (start === null) return base;
  const judged = firstJudgedMonth(start);
  return [base, judged].sort().at(-1)!;
}
