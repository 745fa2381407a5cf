import { memberSummaryRead } from "@vanguard/db/study";
import {
  addDays,
  classHours,
  countedPoints,
  dayProgress,
  emptyDay,
  type Message,
  mondayOf,
  READ_OWN,
  summarizeDays,
  todayIn,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  internalContext,
  keepableAnswer,
  moduleBranch,
  notFound,
  requireSelfOrAdmin,
} from "@vanguard/platform";
import { counting } from "../leaderboard/counting";
import { latestRulesForViews, rulesAt } from "../rules/rule-sets";
import type { SummaryRoute } from "./summary.routes";

export const summary: AppRouteHandler<SummaryRoute> = async (c) => {
  const { branchId, memberId } = c.req.valid("param");
  const q = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_OWN);
  requireSelfOrAdmin(internalContext(c).principal, memberId);
  const plane = c.get("plane");
  const today = todayIn(tc.timeZone);
  const year = q.year ?? Number((q.date ?? today).slice(0, 4));
  const progressDay = q.date ?? (String(year) === today.slice(0, 4) ? today : `${year}-12-31`);
  // one round trip: the member, their year of study and the committee posts
  const { member, posts, ...study } = await memberSummaryRead(tc, memberId, year);
  if (!member) throw notFound();
  const lang = c.get("lang");
  const text = (m: Message) => (lang === "en" ? m.en : m.zh);

  const day = study.days.find((d) => d.day === progressDay);
  // a recorded day shows the rules it was scored with (remembered by version); a day with nothing
  // yet shows the current rules as views do, remembered for a few seconds
  const versioned = day
    ? await rulesAt(plane, tc.districtId, day.ruleVersion)
    : await latestRulesForViews(plane, tc.districtId);
  const rules = versioned.rules;
  const monday = mondayOf(progressDay);
  const week = study.days.filter(
    (d) => d.day >= monday && d.day <= addDays(monday, 6) && d.day !== progressDay,
  );
  const progress = dayProgress(rules, day ?? emptyDay(memberId, progressDay, versioned.version), (kind) =>
    week.reduce((sum, d) => sum + (d.kinds[kind]?.points ?? 0), 0),
  );

  const studied = summarizeDays(study.days);
  // how claimed points count is the district's current policy, like the leaderboards'
  const claimed = (await latestRulesForViews(plane, tc.districtId)).rules.claimed;

  const committeeMember = posts.some((p) => p.memberId === memberId);
  keepableAnswer(c);
  return c.json(
    {
      memberId,
      name: member.name,
      year,
      totals: { ...studied.totals, score: countedPoints(studied.totals, claimed) },
      byKind: studied.byKind.map((k) => ({
        ...k,
        label: rules.kinds[k.kind] ? text(rules.kinds[k.kind]!.label) : k.kind,
      })),
      byDay: studied.byDay,
      progress: {
        day: progressDay,
        ruleVersion: versioned.version,
        kinds: progress.kinds.map((k) => ({ ...k, label: text(k.label) })),
        groups: progress.groups.map((g) => ({ ...g, label: text(g.label) })),
      },
      classHours: {
        committeeMember,
        ...classHours(rules, {
          committeeMember,
          meetingHours: study.meetingHours,
          studySeconds: study.days.reduce((s, d) => s + d.classSeconds, 0),
        }),
      },
      meetings: { attended: study.attended, absent: study.absent },
      counting: counting(claimed),
    },
    200,
  );
};
