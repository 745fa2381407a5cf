import { failure, type RuleFailure } from "../rules/rule";
import type { EvaluationRules } from "./rules";

/**
 * 民主评议党员: once a year every party member is graded after self, mutual and committee
 * assessment. The committee's grade is the member's grade; the mutual votes of other members
 * inform it. Excellent grades are capped at a share of those appraised (1/3 by default).
 */
export const APPRAISAL_GRADES = ["excellent", "qualified", "basically_qualified", "unqualified"] as const;
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number];

export const APPRAISAL_STATUSES = ["open", "finalized"] as const;
export type AppraisalStatus = (typeof APPRAISAL_STATUSES)[number];

export function excellentLimit(appraised: number, rules: Pick<EvaluationRules, "appraisal">): number {
  const { numerator, denominator } = rules.appraisal.excellentShare;
  return Math.floor((appraised * numerator) / denominator);
}

export function checkAppraisalYear(year: number, today: string): RuleFailure[] {
  return year > Number(today.slice(0, 4))
    ? [
        failure(
          "appraisal_year_future",
          { zh: "不能为未来年度开展民主评议", en: "That year has not begun" },
          { year, today },
        ),
      ]
    : [];
}

const finalized = failure(
  "appraisal_finalized",
  { zh: "民主评议已结束，等次不能再改", en: "The appraisal is finalized; grades can no longer change" },
  { status: "finalized" },
);

/**
 * A grade for one member: by the committee (branch admin), or a mutual vote by another member.
 * Nobody grades themself, whatever their key.
 */
export function checkGrade(f: {
  status: AppraisalStatus;
  raterMemberId: string | null;
  rateeId: string;
  isParticipant: boolean;
  grade: AppraisalGrade;
  comment: string | null;
  byCommittee: boolean;
  /** a mutual vote counts only from someone on the same roll */
  raterOnRoll?: boolean;
  /** the rater's ballot on this ratee is already in the box */
  alreadyVoted?: boolean;
}): RuleFailure[] {
  if (f.status === "finalized") return [finalized];
  const out: RuleFailure[] = [];
  if (!f.byCommittee && f.alreadyVoted) {
    // a secret ballot cannot be taken back: nothing links it to its voter any more
    out.push(
      failure(
        "appraisal_vote_cast",
        {
          zh: "已对该党员投出互评票，选票不记名，不能更改",
          en: "Your ballot on this member is cast; it is secret and cannot be changed",
        },
        { memberId: f.rateeId },
      ),
    );
  }
  if (!f.byCommittee && f.raterOnRoll === false) {
    out.push(
      failure(
        "appraisal_rater_not_participant",
        { zh: "只有参加评议的党员可以互评", en: "Only members on the appraisal's roll cast mutual votes" },
        { raterId: f.raterMemberId },
      ),
    );
  }
  if (f.raterMemberId !== null && f.raterMemberId === f.rateeId) {
    out.push(
      failure(
        "appraisal_self_grading",
        { zh: "党员不能为自己评定等次", en: "Nobody grades themself" },
        { memberId: f.rateeId },
      ),
    );
  }
  if (!f.isParticipant) {
    out.push(
      failure(
        "appraisal_not_participant",
        { zh: "该党员不在本次评议名单中", en: "This member is not on the appraisal's roll" },
        { memberId: f.rateeId },
      ),
    );
  }
  if (f.byCommittee && f.grade === "unqualified" && !f.comment) {
    out.push(
      failure(
        "appraisal_unqualified_reason_missing",
        { zh: "评定为不合格须写明理由", en: "An unqualified grade needs a stated reason" },
        { memberId: f.rateeId },
      ),
    );
  }
  return out;
}

/** Finalizing needs every member graded and the excellent grades within the limit. */
export function checkFinalize(
  status: AppraisalStatus,
  grades: { memberId: string; grade: AppraisalGrade | null }[],
  rules: Pick<EvaluationRules, "appraisal">,
): RuleFailure[] {
  if (status === "finalized") return [finalized];
  const out: RuleFailure[] = [];
  const missing = grades.filter((g) => g.grade === null).map((g) => g.memberId);
  if (missing.length) {
    out.push(
      failure(
        "appraisal_grades_missing",
        { zh: "还有党员未评定等次", en: "Some members have no grade yet" },
        { memberIds: missing },
      ),
    );
  }
  const excellent = grades.filter((g) => g.grade === "excellent").length;
  const limit = excellentLimit(grades.length, rules);
  if (excellent > limit) {
    const { numerator, denominator } = rules.appraisal.excellentShare;
    out.push(
      failure(
        "appraisal_excellent_over_limit",
        {
          zh: `评为优秀的党员不能超过参评人数的 ${numerator}/${denominator}（最多 ${limit} 名）`,
          en: `At most ${numerator}/${denominator} of the members appraised may be excellent (${limit} here)`,
        },
        { excellent, appraised: grades.length, limit, share: `${numerator}/${denominator}` },
      ),
    );
  }
  return out;
}

export type MutualTally = Record<AppraisalGrade, number>;

export function mutualTally(votes: { grade: AppraisalGrade }[]): MutualTally {
  const t: MutualTally = { excellent: 0, qualified: 0, basically_qualified: 0, unqualified: 0 };
  for (const v of votes) t[v.grade] += 1;
  return t;
}

/**
 * Who an appraisal counts: everyone on its roll still in the branch, and anyone already graded
 * (a member who transferred out before being graded is appraised by their new branch instead).
 */
export function onRoll(line: { left: boolean; grade: AppraisalGrade | null }): boolean {
  return !line.left || line.grade !== null;
}

export function gradeCounts(lines: { grade: AppraisalGrade | null }[]): MutualTally & { ungraded: number } {
  const t = { ...mutualTally([]), ungraded: 0 };
  for (const l of lines) {
    if (l.grade === null) t.ungraded += 1;
    else t[l.grade] += 1;
  }
  return t;
}
