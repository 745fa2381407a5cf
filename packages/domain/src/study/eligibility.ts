import { isPartyMember, type MemberStatus } from "../members/member";
import { failure, type RuleFailure } from "../rules/rule";
import type { KindRule } from "./rules";

/**
 * Study points and class hours are party-member education (党员教育管理工作条例); people in the
 * development pipeline are trained through it instead.
 */
export function checkStudent(memberId: string, status: MemberStatus): RuleFailure[] {
  if (isPartyMember(status)) return [];
  return [
    failure(
      "study_party_members_only",
      { zh: "学习积分只记录党员的学习活动", en: "Study points are for party members" },
      { memberId, status },
    ),
  ];
}

/**
 * Whether an activity may be scored at all, before any points move: the person is on the roll and
 * a party member, and a member key does not record what only the branch records (offline sessions,
 * deductions).
 */
export function admitActivity(
  a: { memberId: string; kind: string },
  person: { status: MemberStatus; leftOn: string | null } | undefined,
  rule: KindRule | undefined,
  recorder: "member" | "branch",
): RuleFailure[] {
  if (!person || person.leftOn) {
    return [
      failure(
        "member_not_on_roll",
        { zh: "该人员不在本支部名册上", en: "This person is not on the branch's roll" },
        { memberId: a.memberId },
      ),
    ];
  }
  const student = checkStudent(a.memberId, person.status);
  if (student.length) return student;
  if (rule?.recordedBy === "branch" && recorder === "member") {
    return [
      failure(
        "activity_recorded_by_branch",
        { zh: "此类学习活动由支部登记", en: "The branch records this kind of activity" },
        { kind: a.kind },
      ),
    ];
  }
  return [];
}
