import { addDays, addMonthsToMonth, daysBetween, monthOf } from "../calendar/dates";
import { DEFAULT_EVALUATION_RULES, type EvaluationRules } from "../evaluations/rules";
import { type CadenceRule, DEFAULT_MEETING_CADENCE } from "../meetings/cadence";
import { DEFAULT_PIPELINE_RULES, type PipelineRules } from "../pipeline/rules";
import { DEFAULT_PRACTICE_RULES, type PracticeRules } from "../practices/rules";
import { recordsStart } from "../records/records-from";
import type { FindingDraft } from "./finding";
import type { BranchSnapshot } from "./snapshot";

/**
 * Numbers the rules use. Districts may override the platform's in their "audits" rule set; the
 * module rules read the district's own pipeline, meeting-cadence and evaluation rules, so an audit
 * never flags what the module itself, configured by the district, counts as on time.
 */
export interface AuditRules {
  inactiveDays: number;
  duesWarningMonths: number;
  duesSevereMonths: number;
  minFullMembers: number;
  committeeAtFullMembers: number;
  maxMembers: number;
  /** a party member with fewer study points over 30 days is reminded */
  studyMinPoints30Days: number;
  pipeline: PipelineRules;
  meetings: CadenceRule[];
  evaluation: EvaluationRules;
  /** the district's practices rules: committee terms, service */
  practices: PracticeRules;
}

export const DEFAULT_AUDIT_RULES: AuditRules = {
  inactiveDays: 30,
  duesWarningMonths: 3,
  duesSevereMonths: 6,
  minFullMembers: 3,
  committeeAtFullMembers: 7,
  maxMembers: 50,
  studyMinPoints30Days: 30,
  pipeline: DEFAULT_PIPELINE_RULES,
  meetings: DEFAULT_MEETING_CADENCE,
  evaluation: DEFAULT_EVALUATION_RULES,
  practices: DEFAULT_PRACTICE_RULES,
};

export interface AuditRule {
  code: string;
  /** the finding codes it may emit (a rule can name its findings more precisely than itself) */
  emits: string[];
  label: { zh: string; en: string };
  evaluate(s: BranchSnapshot, r: AuditRules): FindingDraft[];
}

const year = (s: BranchSnapshot) => s.today.slice(0, 4);

/** E-branch practice: a branch with no recorded activity for 30 days is flagged to its district. */
export const branchInactive: AuditRule = {
  code: "branch_inactive",
  emits: ["branch_inactive"],
  label: { zh: "支部30天无活动", en: "Branch inactive for 30 days" },
  evaluate(s, r) {
    if (s.kind !== "branch") return [];
    const days = s.lastActivityOn ? daysBetween(s.lastActivityOn, s.today) : null;
    if (days !== null && days < r.inactiveDays) return [];
    // silence is counted from the records start at the earliest: a branch new to the platform has its 30 days
    const since = recordsStart(s.lastActivityOn, s.recordsFrom);
    if (since && daysBetween(since, s.today) < r.inactiveDays) return [];
    return [
      {
        rule: this.code,
        subjectType: "branch",
        subjectId: s.branchId,
        severity: "warning",
        // a new silence (after new activity) is a new period, so it opens a new finding
        period: s.lastActivityOn ?? "never",
        message: {
          zh: s.lastActivityOn ? `支部已 ${days} 天无任何记录` : "支部尚无任何工作记录",
          en: s.lastActivityOn ? `No activity recorded for ${days} days` : "No activity recorded yet",
        },
        facts: { lastActivityOn: s.lastActivityOn, days, threshold: r.inactiveDays },
      },
    ];
  },
};

/** 3 unpaid months in a row is a warning, 6 severe; removal stays a human decision (docs/domain.md §Dues). */
export const duesArrears: AuditRule = {
  code: "dues_arrears",
  emits: ["dues_arrears"],
  label: { zh: "党费欠缴", en: "Dues in arrears" },
  evaluate(s, r) {
    return s.duesArrears
      .filter((a) => a.consecutive >= r.duesWarningMonths)
      .map((a) => ({
        rule: this.code,
        subjectType: "member" as const,
        subjectId: a.memberId,
        severity: a.consecutive >= r.duesSevereMonths ? ("severe" as const) : ("warning" as const),
        period: a.firstUnpaid,
        dueBy: addDays(s.today, 30),
        message: {
          zh: `${a.name} 已连续 ${a.consecutive} 个月未交党费${a.consecutive >= r.duesSevereMonths ? "（满6个月，需按规定处理）" : ""}`,
          en: `${a.name} has not paid dues for ${a.consecutive} months in a row`,
        },
        facts: { firstUnpaid: a.firstUnpaid, consecutive: a.consecutive },
      }));
  },
};

/** 支部工作条例: ≥ 3 full members to form a branch; ≥ 7 need a committee; usually ≤ 50 members. */
export const branchSize: AuditRule = {
  code: "branch_size",
  emits: ["branch_too_few_full_members", "branch_needs_committee", "branch_too_large"],
  label: { zh: "支部规模", en: "Branch size" },
  evaluate(s, r) {
    if (s.kind !== "branch") return [];
    const out: FindingDraft[] = [];
    const total = Object.values(s.members).reduce((a, b) => a + b, 0);
    const party = s.members.full + s.members.probationary;
    if (s.members.full < r.minFullMembers) {
      out.push({
        rule: "branch_too_few_full_members",
        subjectType: "branch",
        subjectId: s.branchId,
        severity: "warning",
        period: year(s),
        message: {
          zh: `正式党员仅 ${s.members.full} 人，不足3人`,
          en: `Only ${s.members.full} full members (at least 3)`,
        },
        facts: { full: s.members.full, minimum: r.minFullMembers },
      });
    }
    if (s.members.full >= r.committeeAtFullMembers && !s.committee) {
      out.push({
        rule: "branch_needs_committee",
        subjectType: "branch",
        subjectId: s.branchId,
        severity: "warning",
        period: year(s),
        message: {
          zh: `正式党员 ${s.members.full} 人，应设立支部委员会`,
          en: `${s.members.full} full members but no branch committee`,
        },
        facts: { full: s.members.full, threshold: r.committeeAtFullMembers },
      });
    }
    if (party > r.maxMembers) {
      out.push({
        rule: "branch_too_large",
        subjectType: "branch",
        subjectId: s.branchId,
        severity: "info",
        period: year(s),
        message: {
          zh: `党员 ${party} 人，超过50人，宜分设支部`,
          en: `${party} members; branches are usually at most 50`,
        },
        facts: { members: party, total, maximum: r.maxMembers },
      });
    }
    return out;
  },
};

/** A committee whose term has ended must hold its change of term (换届) on time. */
export const committeeTermExpired: AuditRule = {
  code: "committee_term_expired",
  emits: ["committee_term_expired"],
  label: { zh: "支委会任期届满未换届", en: "Committee term expired" },
  evaluate(s) {
    if (!s.committee || s.committee.termEnd >= s.today) return [];
    return [
      {
        rule: this.code,
        subjectType: "committee",
        subjectId: s.branchId,
        severity: daysBetween(s.committee.termEnd, s.today) > 180 ? "severe" : "warning",
        period: s.committee.termEnd,
        message: {
          zh: `支委会任期已于 ${s.committee.termEnd} 届满，未按期换届`,
          en: `The committee's term ended on ${s.committee.termEnd}`,
        },
        facts: { termStart: s.committee.termStart, termEnd: s.committee.termEnd },
      },
    ];
  },
};

/** A letter that expired without the member arriving: a pocket member (口袋党员). */
export const pocketMembers: AuditRule = {
  code: "pocket_member",
  emits: ["pocket_member"],
  label: { zh: "口袋党员（介绍信过期未报到）", en: "Pocket member (transfer letter expired)" },
  evaluate(s) {
    return s.expiredTransfers.map((t) => ({
      rule: this.code,
      subjectType: "transfer" as const,
      subjectId: t.transferId,
      severity: "warning" as const,
      period: t.expiresOn,
      message: {
        zh: `${t.memberName} 的组织关系介绍信已于 ${t.expiresOn} 过期，未到接收支部报到`,
        en: `${t.memberName}'s transfer letter expired on ${t.expiresOn} without the member arriving`,
      },
      facts: { memberId: t.memberId, toBranchId: t.toBranchId, expiresOn: t.expiresOn },
    }));
  },
};

/**
 * An accept that died half way holds the letter, and with it the member's one open letter, until
 * someone resumes or withdraws it: the sending branch is told to do one or the other.
 */
export const transferStuck: AuditRule = {
  code: "transfer_stuck",
  emits: ["transfer_stuck"],
  label: { zh: "组织关系转接中断", en: "Transfer stuck half way" },
  evaluate(s) {
    return (s.stuckTransfers ?? []).map((t) => ({
      rule: this.code,
      subjectType: "transfer" as const,
      subjectId: t.transferId,
      severity: "warning" as const,
      period: t.claimedAt.slice(0, 10),
      message: {
        zh: `${t.memberName} 的组织关系转接自 ${t.claimedAt.slice(0, 10)} 起在接收中中断：请接收支部重新接收，或由本支部撤回介绍信`,
        en: `${t.memberName}'s transfer has been stuck in acceptance since ${t.claimedAt.slice(0, 10)}: the receiving branch should accept it again, or this branch withdraw the letter`,
      },
      facts: { memberId: t.memberId, toBranchId: t.toBranchId, claimedAt: t.claimedAt },
    }));
  },
};

/** The platform rules; module rules join the catalog as modules land. */
/**
 * 全程纪实: the record must not be lost or altered. A chain that no longer holds at the head an
 * earlier audit witnessed was cut or rewritten outside the API; it stays open while that is so.
 */
export const eventChainBroken: AuditRule = {
  code: "event_chain_broken",
  emits: ["event_chain_broken"],
  label: { zh: "工作记录链被截断或改写", en: "Event log cut or rewritten" },
  evaluate(s) {
    const c = s.chain;
    if (!c || c.holds) return [];
    const cut = c.length < c.anchoredSeq;
    return [
      {
        rule: this.code,
        subjectType: "branch",
        subjectId: s.branchId,
        severity: "severe",
        period: `${c.anchoredSeq}`,
        message: cut
          ? {
              zh: `工作记录链只剩 ${c.length} 条，${c.anchoredAt.slice(0, 10)} 核验时已有 ${c.anchoredSeq} 条`,
              en: `The event log has ${c.length} entries; ${c.anchoredSeq} were witnessed on ${c.anchoredAt.slice(0, 10)}`,
            }
          : {
              zh: `第 ${c.anchoredSeq} 条工作记录与 ${c.anchoredAt.slice(0, 10)} 核验时不一致`,
              en: `Entry ${c.anchoredSeq} of the event log differs from the one witnessed on ${c.anchoredAt.slice(0, 10)}`,
            },
        facts: {
          anchoredSeq: c.anchoredSeq,
          anchoredHash: c.anchoredHash,
          anchoredAt: c.anchoredAt,
          length: c.length,
        },
      },
    ];
  },
};

export const PLATFORM_AUDIT_RULES: AuditRule[] = [
  eventChainBroken,
  branchInactive,
  duesArrears,
  branchSize,
  committeeTermExpired,
  pocketMembers,
  transferStuck,
];

/** The month before `today`'s month: dues for the current month are not late yet. */
export function lastClosedMonth(today: string): string {
  return addMonthsToMonth(monthOf(today), -1);
}
