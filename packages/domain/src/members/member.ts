/** The stages of a person on a branch's roll (docs/domain.md §The roll). */
export const MEMBER_STATUSES = ["applicant", "activist", "candidate", "probationary", "full"] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const GENDERS = ["male", "female"] as const;
export type Gender = (typeof GENDERS)[number];

/** Statuses that are party members (as opposed to people in the development pipeline). */
export function isPartyMember(status: MemberStatus): boolean {
  return status === "probationary" || status === "full";
}

/** The date a member's roll record needs to be consistent: members have a joining date. */
export function requiresJoinedOn(status: MemberStatus): boolean {
  return isPartyMember(status);
}
