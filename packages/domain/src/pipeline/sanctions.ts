import type { MemberStatus } from "../members/member";
import { isPartyMember } from "../members/member";
import { failure, type RuleFailure } from "../rules/rule";

/** 党纪处分 short of expulsion. Only 留党察看 matters to the pipeline: no vote, no introducing. */
export const SANCTION_KINDS = [
  "warning",
  "serious_warning",
  "removal_from_post",
  "probation_within_party",
] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

export function checkSanction(s: {
  memberStatus: MemberStatus | null;
  decidedOn: string;
  endsOn: string | null;
  today: string;
}): RuleFailure[] {
  const out: RuleFailure[] = [];
  if (!s.memberStatus || !isPartyMember(s.memberStatus)) {
    out.push(
      failure(
        "sanction_member_not_party_member",
        { zh: "党纪处分只针对本支部党员", en: "Party sanctions apply to party members of the branch" },
        { memberStatus: s.memberStatus },
      ),
    );
  }
  if (s.decidedOn > s.today || (s.endsOn !== null && s.endsOn < s.decidedOn)) {
    out.push(
      failure(
        "sanction_dates",
        {
          zh: "处分日期不能晚于今天，期满日期不能早于处分日期",
          en: "A sanction is decided by today and ends after it was decided",
        },
        { decidedOn: s.decidedOn, endsOn: s.endsOn, today: s.today },
      ),
    );
  }
  return out;
}
