import { addDays, daysBetween } from "../calendar/dates";
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

export const PRACTICE_AUDIT_RULES: AuditRule[] = [committeeTermEnding];
