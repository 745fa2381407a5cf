import { addYears } from "../calendar/dates";
import type { MemberStatus } from "../members/member";
import { failure, type RuleFailure } from "../rules/rule";

export const COMMITTEE_POSTS = [
  "secretary",
  "deputy_secretary",
  "organization",
  "propaganda",
  "discipline",
  "youth",
  "women",
  "member",
] as const;
export type CommitteePost = (typeof COMMITTEE_POSTS)[number];

export interface CommitteePlan {
  termStart: string;
  termEnd: string;
  posts: { memberId: string; post: CommitteePost; memberStatus: MemberStatus | null }[];
}

/** 支部工作条例: a committee has at most 7 members, one secretary, a term of 3–5 years. */
export const COMMITTEE_LIMITS = { maxMembers: 7, minTermYears: 3, maxTermYears: 5 } as const;

export function checkCommittee(plan: CommitteePlan): RuleFailure[] {
  const out: RuleFailure[] = [];
  const { termStart, termEnd, posts } = plan;
  if (
    termEnd < addYears(termStart, COMMITTEE_LIMITS.minTermYears) ||
    termEnd > addYears(termStart, COMMITTEE_LIMITS.maxTermYears)
  ) {
    out.push(
      failure(
        "committee_term_length",
        { zh: "支部委员会任期应为3至5年", en: "A branch committee's term must be 3 to 5 years" },
        { termStart, termEnd },
      ),
    );
  }
  const distinct = new Set(posts.map((p) => p.memberId));
  if (distinct.size > COMMITTEE_LIMITS.maxMembers) {
    out.push(
      failure(
        "committee_too_large",
        { zh: "支部委员会不超过7人", en: "A branch committee has at most 7 members" },
        { members: distinct.size },
      ),
    );
  }
  const secretaries = posts.filter((p) => p.post === "secretary").length;
  if (posts.length > 0 && secretaries !== 1) {
    out.push(
      failure(
        "committee_one_secretary",
        { zh: "支部委员会应有且只有一名书记", en: "A branch committee has exactly one secretary" },
        { secretaries },
      ),
    );
  }
  for (const p of posts) {
    if (p.memberStatus === null) {
      out.push(
        failure(
          "committee_member_unknown",
          { zh: "委员不是本支部党员", en: "A committee member is not on this branch's roll" },
          { memberId: p.memberId },
        ),
      );
    } else if (p.memberStatus !== "full") {
      out.push(
        failure(
          "committee_member_not_full",
          { zh: "支部委员须为正式党员", en: "Committee members must be full members" },
          { memberId: p.memberId, status: p.memberStatus },
        ),
      );
    }
  }
  return out;
}
