import { addYears } from "../calendar/dates";
import { failure, type RuleFailure } from "../rules/rule";
import { birthDateFromIdNumber, normalizeIdNumber } from "./id-number";
import { isPartyMember, type MemberStatus } from "./member";

export interface MemberFacts {
  birthDate: string;
  status: MemberStatus;
  joinedOn?: string | null;
  /** the day they came onto this branch's roll */
  joinedBranchOn?: string | null;
  idNumber?: string | null;
}

/** Age at which one may apply to join (党章 第一条). */
export const MIN_AGE = 18;

/**
 * Whether a roll record is consistent: party members have a joining date, nobody joined before 18
 * or in the future, and the birth date agrees with the identity number.
 */
export function checkMemberFacts(m: MemberFacts, today: string): RuleFailure[] {
  const out: RuleFailure[] = [];
  if (m.joinedBranchOn && m.joinedBranchOn > today) {
    out.push(
      failure(
        "joined_branch_in_future",
        { zh: "转入本支部日期不能晚于今天", en: "The day of coming onto the roll is in the future" },
        { joinedBranchOn: m.joinedBranchOn, today },
      ),
    );
  }
  if (m.birthDate > today) {
    out.push(
      failure(
        "birth_date_in_future",
        { zh: "出生日期不能晚于今天", en: "The birth date is in the future" },
        { birthDate: m.birthDate, today },
      ),
    );
  }
  if (isPartyMember(m.status) && !m.joinedOn) {
    out.push(
      failure(
        "joined_on_required",
        { zh: "预备党员和正式党员须填写入党日期", en: "Probationary and full members need a joining date" },
        { status: m.status },
      ),
    );
  }
  if (!isPartyMember(m.status) && m.joinedOn) {
    out.push(
      failure(
        "joined_on_only_for_members",
        { zh: "尚未入党的人员不应有入党日期", en: "Only party members have a joining date" },
        { status: m.status, joinedOn: m.joinedOn },
      ),
    );
  }
  if (m.joinedOn) {
    if (m.joinedOn > today) {
      out.push(
        failure(
          "joined_on_in_future",
          { zh: "入党日期不能晚于今天", en: "The joining date is in the future" },
          { joinedOn: m.joinedOn, today },
        ),
      );
    }
    const adult = addYears(m.birthDate, MIN_AGE);
    if (m.joinedOn < adult) {
      out.push(
        failure(
          "joined_under_18",
          { zh: "入党时须年满十八岁", en: "A member must have been 18 or older when joining" },
          { birthDate: m.birthDate, joinedOn: m.joinedOn, eighteenOn: adult },
        ),
      );
    }
  }
  if (m.status !== "applicant" && addYears(m.birthDate, MIN_AGE) > today) {
    out.push(
      failure(
        "under_18",
        { zh: "入党积极分子及以上须年满十八岁", en: "Activists and above must be 18 or older" },
        { birthDate: m.birthDate, status: m.status, today },
      ),
    );
  }
  if (m.idNumber) {
    const fromId = birthDateFromIdNumber(normalizeIdNumber(m.idNumber));
    if (fromId !== m.birthDate) {
      out.push(
        failure(
          "birth_date_matches_id_number",
          { zh: "出生日期与身份证号不一致", en: "The birth date does not match the identity number" },
          { birthDate: m.birthDate, birthDateInIdNumber: fromId },
        ),
      );
    }
  }
  return out;
}
