import { addDays, daysBetween } from "../calendar/dates";
import { addQuarters, quarterEnd, quarterStart } from "../evaluations/periods";
import { periodJudged } from "../records/records-from";
import type { AuditRule } from "./rules";

/**
 * 换届 on time (支部工作条例 第十八条; docs/domain.md §Committee terms and elections): the audit warns
 * the district's `warnDaysBefore` days ahead of the term's end, so the branch prepares the election;
 * once the term has ended, `committee_term_expired` takes over.
 */
export const committeeTermEnding: AuditRule = {
  code: "committee_term_ending",
  emits: ["committee_term_ending"],
  label: { zh: "支委会任期即将届满", en: "Committee term ending soon" },
  evaluate(s, r) {
    const c = s.committee;
    if (!c || c.termEnd < s.today) return [];
    const warnFrom = addDays(c.termEnd, -r.practices.committee.warnDaysBefore);
    if (s.today < warnFrom) return [];
    const days = daysBetween(s.today, c.termEnd);
    return [
      {
        rule: this.code,
        subjectType: "committee",
        subjectId: s.branchId,
        severity: "warning",
        period: c.termEnd,
        dueBy: c.termEnd,
        message: {
          zh: `支委会任期将于 ${c.termEnd} 届满（还有${days}天），请做好换届选举准备`,
          en: `The committee's term ends on ${c.termEnd} (in ${days} days); prepare the election`,
        },
        facts: {
          termStart: c.termStart,
          termEnd: c.termEnd,
          daysLeft: days,
          warnDaysBefore: r.practices.committee.warnDaysBefore,
        },
      },
    ];
  },
};

const SERVICE_KIND = {
  community: { zh: "报到服务", en: "community service" },
  volunteer: { zh: "志愿服务", en: "volunteer service" },
} as const;

/**
 * 报到服务 is part of the admission assessment, so a registered person who served nothing the
 * community confirmed in a whole quarter is worth the branch's attention (docs/domain.md §Community
 * and volunteer service). Judged for the last ended quarter, for registrations that covered all of
 * it; the district turns it off with `service.quarterlyWarning`.
 */
export const serviceQuarterWithoutConfirmed: AuditRule = {
  code: "service_quarter_unconfirmed",
  emits: ["service_quarter_unconfirmed"],
  label: { zh: "季度内无经确认的服务", en: "No confirmed service in a quarter" },
  evaluate(s, r) {
    const q = s.lastQuarterService;
    if (!q || !r.practices.service.quarterlyWarning) return [];
    if (!periodJudged(quarterStart(q.period), s.recordsFrom ?? null)) return [];
    return q.people
      .filter((p) => p.confirmedHours <= 0)
      .map((p) => ({
        rule: this.code,
        subjectType: "member" as const,
        subjectId: p.memberId,
        severity: "warning" as const,
        period: `${q.period}:${p.kind}`,
        // the branch follows up within the quarter that follows
        dueBy: quarterEnd(addQuarters(q.period, 1)),
        message: {
          zh: `${p.name}在${q.period}没有经社区确认的${SERVICE_KIND[p.kind].zh}`,
          en: `${p.name} has no ${SERVICE_KIND[p.kind].en} confirmed in ${q.period}`,
        },
        facts: { memberId: p.memberId, kind: p.kind, quarter: q.period, confirmedHours: p.confirmedHours },
      }));
  },
};

export const PRACTICE_AUDIT_RULES: AuditRule[] = [committeeTermEnding, serviceQuarterWithoutConfirmed];
