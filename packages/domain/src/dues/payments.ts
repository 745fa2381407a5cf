import { addMonthsToMonth, monthOf } from "../calendar/dates";
import { isPartyMember, type MemberStatus } from "../members/member";
import { failure, type RuleFailure } from "../rules/rule";
import { MAX_ADVANCE_MONTHS } from "./dues";

export interface PaymentFacts {
  status: MemberStatus;
  joinedOn: string | null;
  month: string;
  today: string;
  /** the basis for the month's year, if set */
  monthlyDueFen: number | null;
  amountFen: number;
}

/**
 * Whether a dues payment may be recorded: only party members pay (probationary members from their
 * admission), nobody pays for a month before joining or more than six months ahead, and a payment
 * covers at least the month's due (paying more is allowed: 自愿多交).
 */
export function checkPayment(p: PaymentFacts): RuleFailure[] {
  const out: RuleFailure[] = [];
  if (!isPartyMember(p.status)) {
    out.push(
      failure(
        "dues_party_members_only",
        { zh: "只有预备党员和正式党员交纳党费", en: "Only party members pay dues" },
        { status: p.status },
      ),
    );
  }
  if (p.joinedOn && p.month < monthOf(p.joinedOn)) {
    out.push(
      failure(
        "dues_before_joining",
        { zh: "不能交纳入党前月份的党费", en: "Dues start from the month of joining" },
        {
          month: p.month,
          joinedOn: p.joinedOn,
        },
      ),
    );
  }
  const latest = addMonthsToMonth(monthOf(p.today), MAX_ADVANCE_MONTHS);
  if (p.month > latest) {
    out.push(
      failure(
        "dues_advance_over_6_months",
        { zh: "预交党费不得超过6个月", en: "Dues may be paid at most 6 months ahead" },
        {
          month: p.month,
          latestAllowed: latest,
        },
      ),
    );
  }
  if (p.monthlyDueFen === null) {
    out.push(
      failure(
        "dues_basis_missing",
        { zh: "该党员本年度尚未核定党费基数", en: "No dues basis is set for this member for the year" },
        {
          year: Number(p.month.slice(0, 4)),
        },
      ),
    );
  } else if (p.amountFen < p.monthlyDueFen) {
    out.push(
      failure(
        "dues_below_basis",
        { zh: "交纳金额低于核定的月党费", en: "The amount is below the member's monthly due" },
        {
          amountFen: p.amountFen,
          monthlyDueFen: p.monthlyDueFen,
        },
      ),
    );
  }
  return out;
}
