import { monthOf } from "../calendar/dates";
import { isPartyMember, type MemberStatus } from "../members/member";
import { failure, type RuleFailure } from "../rules/rule";

export interface DuesHistoryLine {
  month: string;
  amountFen: number;
  paidOn: string;
}

/**
 * Whether a past payment may be recorded as history. What was paid stands as paid: the year's basis
 * and the amount it asks are not re-judged (bases change, and last year's may never have been
 * entered), but nothing is recorded for a month to come, for someone who is not a party member,
 * or for a month before they joined the party.
 */
export function checkDuesHistory(
  line: DuesHistoryLine,
  member: { status: MemberStatus | string; joinedOn: string | null },
  today: string,
): RuleFailure[] {
  const out: RuleFailure[] = [];
  if (line.month > monthOf(today) || line.paidOn > today) {
    out.push(
      failure(
        "history_in_future",
        { zh: "历史记录的日期不能晚于今天", en: "A history line cannot be dated after today" },
        { month: line.month, paidOn: line.paidOn, today },
      ),
    );
  }
  if (!isPartyMember(member.status as MemberStatus)) {
    out.push(
      failure(
        "dues_party_members_only",
        { zh: "只有预备党员和正式党员交纳党费", en: "Only party members pay dues" },
        { status: member.status },
      ),
    );
  } else if (member.joinedOn && line.month < monthOf(member.joinedOn)) {
    out.push(
      failure(
        "dues_before_joining",
        { zh: "不能交纳入党前月份的党费", en: "Dues start from the month of joining" },
        { month: line.month, joinedOn: member.joinedOn },
      ),
    );
  }
  return out;
}
