/** The stages of a person on a branch's roll (docs/domain.md §The roll). */
export const MEMBER_STATUSES = ["applicant", "activist", "candidate", "probationary", "full"] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const GENDERS = ["male", "female"] as const;
export type Gender = (typeof GENDERS)[number];

/** The words a 党员花名册 uses for each status (党员发展工作细则 names the stages so). */
export const MEMBER_STATUS_ZH: Readonly<Record<MemberStatus, string>> = {
  applicant: "入党申请人",
  activist: "入党积极分子",
  candidate: "发展对象",
  probationary: "预备党员",
  full: "正式党员",
};

export const GENDER_ZH: Readonly<Record<Gender, string>> = { male: "男", female: "女" };

/** Statuses that are party members (as opposed to people in the development pipeline). */
export function isPartyMember(status: MemberStatus): boolean {
  return status === "probationary" || status === "full";
}

/** The date a member's roll record needs to be consistent: members have a joining date. */
export function requiresJoinedOn(status: MemberStatus): boolean {
  return isPartyMember(status);
}
