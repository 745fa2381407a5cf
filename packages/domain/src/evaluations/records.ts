import { failure, type RuleFailure } from "../rules/rule";

/**
 * 写实: dated facts about a member's daily performance or the branch's work. A record is never
 * edited or deleted; a mistake is put right by a new record that names the one it corrects, so the
 * original stays readable beside its correction.
 */
export const MEMBER_RECORD_KINDS = [
  "daily_performance",
  "service",
  "commendation",
  // 政治生日: the branch marks a member's 入党纪念日 (docs/domain.md §Political birthdays)
  "political_birthday",
  "criticism",
  "other",
] as const;
export const BRANCH_RECORD_KINDS = ["work", "theme_activity", "key_task", "rectification", "other"] as const;
export const RECORD_KINDS = [...new Set([...MEMBER_RECORD_KINDS, ...BRANCH_RECORD_KINDS])] as [
  RecordKind,
  ...RecordKind[],
];
export type MemberRecordKind = (typeof MEMBER_RECORD_KINDS)[number];
export type BranchRecordKind = (typeof BRANCH_RECORD_KINDS)[number];
export type RecordKind = MemberRecordKind | BranchRecordKind;

export interface CorrectionTarget {
  id: string;
  /** null for a branch record */
  memberId: string | null;
  /** the record that already corrects it, if any */
  correctedById: string | null;
}

export function checkRecord(f: {
  occurredOn: string;
  today: string;
  memberId: string | null;
  correctsId: string | null;
  /** what `correctsId` points at, or null if no such record exists in the branch */
  target: CorrectionTarget | null;
}): RuleFailure[] {
  const out: RuleFailure[] = [];
  if (f.occurredOn > f.today) {
    out.push(
      failure(
        "record_in_future",
        { zh: "写实记录的日期不能晚于今天", en: "A record cannot be dated in the future" },
        { occurredOn: f.occurredOn, today: f.today },
      ),
    );
  }
  if (f.correctsId === null) return out;
  if (!f.target || f.target.memberId !== f.memberId) {
    out.push(
      failure(
        "record_correction_unknown",
        {
          zh: "要更正的记录不存在，或不是同一对象的记录",
          en: "The record to correct does not exist or is about someone else",
        },
        { correctsId: f.correctsId },
      ),
    );
  } else if (f.target.correctedById) {
    out.push(
      failure(
        "record_already_corrected",
        {
          zh: "该记录已有更正，请更正最新的那一条",
          en: "That record was already corrected; correct the latest record instead",
        },
        { correctsId: f.correctsId, correctedById: f.target.correctedById },
      ),
    );
  }
  return out;
}
