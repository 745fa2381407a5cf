import { isPartyMember, type MemberStatus } from "../members/member";
import { failure, type RuleFailure } from "../rules/rule";
import type { AppraisalGrade } from "./appraisal";

/**
 * 党员示范岗 (a member's post held up as a model, nominated by the branch and named by the
 * district) and the 亮身份、亮业绩、争先进 awards.
 */
export const MODEL_POST_STATUSES = ["nominated", "awarded"] as const;
export type ModelPostStatus = (typeof MODEL_POST_STATUSES)[number];

export const AWARD_LEVELS = ["branch", "district"] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];

function common(f: { memberStatus: MemberStatus | null; year: number; today: string }): RuleFailure[] {
  const out: RuleFailure[] = [];
  if (f.memberStatus === null || !isPartyMember(f.memberStatus)) {
    out.push(
      failure(
        "honour_party_members_only",
        { zh: "只有本支部党员可以评选", en: "Only party members of this branch can be honoured" },
        { status: f.memberStatus },
      ),
    );
  }
  if (f.year > Number(f.today.slice(0, 4))) {
    out.push(
      failure(
        "honour_year_future",
        { zh: "不能为未来年度评选", en: "That year has not begun" },
        { year: f.year, today: f.today },
      ),
    );
  }
  return out;
}

export function checkModelPost(f: { memberStatus: MemberStatus | null; year: number; today: string }) {
  return common(f);
}

export function checkModelPostAward(status: ModelPostStatus): RuleFailure[] {
  return status === "awarded"
    ? [
        failure(
          "model_post_already_awarded",
          { zh: "该示范岗已命名", en: "This model post was already named" },
          { status },
        ),
      ]
    : [];
}

/** A member graded below qualified in the year's appraisal is not put forward for that year. */
export function checkAward(f: {
  memberStatus: MemberStatus | null;
  year: number;
  today: string;
  appraisalGrade: AppraisalGrade | null;
}): RuleFailure[] {
  const out = common(f);
  if (f.appraisalGrade === "basically_qualified" || f.appraisalGrade === "unqualified") {
    out.push(
      failure(
        "award_appraisal_grade",
        {
          zh: "当年民主评议为基本合格或不合格的党员不能参评先进",
          en: "A member graded below qualified in that year's appraisal cannot be awarded",
        },
        { year: f.year, grade: f.appraisalGrade },
      ),
    );
  }
  return out;
}
