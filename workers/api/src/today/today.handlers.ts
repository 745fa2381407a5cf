import type { TenantContext } from "@vanguard/db";
import { branchToday } from "@vanguard/db/reports";
import {
  type AuditRules,
  addMonthsToMonth,
  completionSummary,
  dueThisQuarter,
  dutyTaskState,
  meetingCompliance,
  monthOf,
  nextSteps,
  READ_BRANCH,
  stepDefinition,
  todayIn,
} from "@vanguard/domain";
import { type AppRouteHandler, branchScope, type Lang } from "@vanguard/platform";
import { LOOKBACK_MONTHS, memberArrears } from "../dues/dues.arrears";
import type { ApiBindings } from "../env";
import { fingerprint, keptPage } from "../shared/kept-page";
import type { TodayRoute } from "./today.routes";
import { viewRules } from "./today.rules";

const RANK = { severe: 0, warning: 1, info: 2 } as const;

/**
 * The branch's home page: the figures of the findings, duty-task, meeting-compliance, dues and
 * case routes for today, from one shard batch (the rules and the branch come from this isolate's
 * memory once the key or session is warm).
 */
export const today: AppRouteHandler<TodayRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { branch, tc } = await branchScope(c, branchId, READ_BRANCH);
  const lang = c.get("lang");
  const asOf = todayIn(tc.timeZone);
  const rules = await viewRules(c, tc.districtId);
  // kept under the district's write count: computed again after any write, on a new day, with new rules
  return keptPage(
    c,
    tc,
    { page: "today", params: [asOf, lang, branch.foundedOn ?? null, fingerprint(rules)] },
    async () => homePage({ tc, foundedOn: branch.foundedOn ?? null, rules, lang, asOf }),
  );
};

async function homePage({
  tc,
  foundedOn,
  rules,
  lang,
  asOf,
}: {
  tc: TenantContext;
  foundedOn: string | null;
  rules: AuditRules;
  lang: Lang;
  asOf: string;
}) {
  const branchId = tc.branchId;
  const month = monthOf(asOf);
  const year = Number(asOf.slice(0, 4));
  const fromMonth = addMonthsToMonth(month, -LOOKBACK_MONTHS);
  const d = await branchToday(tc, { year, month, fromMonth });

  const open = { severe: 0, warning: 0, info: 0 };
  for (const f of d.findings) open[f.severity] += 1;
  const top = [...d.findings]
    .sort((a, b) => RANK[a.severity] - RANK[b.severity])
    .slice(0, 5)
    .map((f) => ({
      id: f.id,
      rule: f.rule,
      severity: f.severity,
      message: lang === "en" ? f.messageEn : f.messageZh,
    }));

  const meetingsDue = meetingCompliance({
    year,
    asOf,
    since: foundedOn,
    recordsFrom: tc.recordsFrom,
    hasCommittee: d.posts.length > 0,
    rules: rules.meetings,
    meetings: d.held,
  })
    .filter((i) => dueThisQuarter(i, asOf))
    .map((i) => ({
      code: i.code,
      kind: i.kind,
      label: lang === "en" ? i.label.en : i.label.zh,
      per: i.per,
      min: i.min,
      open: i.open!,
    }));

  const arrears = d.roll
    .filter((m) => !m.joinedOn || monthOf(m.joinedOn) <= month)
    .map((m) => ({
      m,
      due: memberArrears(tc.recordsFrom, m, { month, fromMonth, current: month }, new Set(m.paidMonths)),
    }))
    .filter(({ due }) => due.arrearsSeverity !== "none")
    .map(({ m, due }) => ({
      memberId: m.id,
      name: m.name,
      consecutiveUnpaid: due.consecutiveUnpaid,
      arrearsSeverity: due.arrearsSeverity as "warning" | "severe",
    }));

  const developmentDue = d.cases
    .flatMap(({ id, memberName, state, openComplaints }) =>
      nextSteps(state, { today: asOf, openComplaints }, rules.pipeline)
        .filter((s) => s.dueBy)
        .map((s) => ({
          caseId: id,
          memberName,
          step: s.step,
          label: stepDefinition(s.step).label[lang === "en" ? "en" : "zh"],
          dueBy: s.dueBy!,
          overdue: s.dueBy! < asOf,
        })),
    )
    .sort((a, b) => a.dueBy.localeCompare(b.dueBy));

  return {
    branchId,
    asOf,
    month,
    recordsFrom: tc.recordsFrom,
    findings: { open, top },
    tasks: {
      summary: completionSummary(d.tasks, asOf),
      items: d.tasks.map((t) => ({
        id: t.id,
        title: t.title,
        assigneeId: t.assigneeId,
        assigneeName: t.assigneeName,
        dueOn: t.dueOn,
        state: dutyTaskState(t, asOf),
      })),
    },
    meetingsDue,
    arrears,
    developmentDue,
  };
}
