import { branchStandings, memberStandings } from "@vanguard/db/study";
import {
  periodOf,
  READ_DISTRICT,
  READ_OWN,
  rankBranchesBySource,
  rankMembersBySource,
  todayIn,
  visibleStandings,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  decodeCursor,
  forbidden,
  internalContext,
  keepableAnswer,
  moduleBranch,
  moduleDistrict,
  page,
} from "@vanguard/platform";
import { latestRulesForViews } from "../rules/rule-sets";
import { branchNames } from "./branch-names";
import { counting } from "./counting";
import type { BranchLeaderboardRoute, DistrictLeaderboardRoute } from "./leaderboard.routes";

/** Rankings are short (a branch's roll, a district's branches): ranked whole, paged by position. */
function byPosition<T>(rows: T[], limit: number, cursor: string | undefined) {
  const offset = Math.max(0, Math.floor(Number(decodeCursor(cursor) ?? 0)) || 0);
  const slice = rows.slice(offset, offset + limit + 1);
  return page(slice, limit, () => offset + limit);
}

export const branchLeaderboard: AppRouteHandler<BranchLeaderboardRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { period, date, limit, cursor } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_OWN);
  const { principal } = internalContext(c);
  const span = periodOf(period, date ?? todayIn(tc.timeZone));
  const viewer = principal.role === "member" ? principal.memberId : null;
  const [rules, standings] = await Promise.all([
    latestRulesForViews(c.get("plane"), tc.districtId).then((r) => r.rules),
    memberStandings(tc, span.key),
  ]);
  const view = viewer === null ? ("full" as const) : rules.ranking.memberView;
  if (view === "hidden") {
    throw forbidden({
      zh: "本区未向党员公开学习排名",
      en: "Your district does not show members the ranking",
    });
  }
  const visible = visibleStandings(rankMembersBySource(standings, rules.claimed), view, viewer);
  keepableAnswer(c);
  return c.json(
    { branchId, ...span, view, counting: counting(rules.claimed), ...byPosition(visible, limit, cursor) },
    200,
  );
};

export const districtLeaderboard: AppRouteHandler<DistrictLeaderboardRoute> = async (c) => {
  const { districtId } = c.req.valid("param");
  const { period, date, limit, cursor } = c.req.valid("query");
  const dc = moduleDistrict(c, districtId, READ_DISTRICT);
  const span = periodOf(period, date ?? todayIn(dc.timeZone));
  const [totals, rules] = await Promise.all([
    branchStandings(dc, span.key),
    latestRulesForViews(c.get("plane"), districtId).then((r) => r.rules),
  ]);
  const byBranch = new Map(totals.map((t) => [t.branchId, t]));
  const names = await branchNames(c.get("plane"), districtId, [...byBranch.keys()]);
  // every branch that studied, and every ordinary branch even if it did not (it ranks last)
  const rows = [...names]
    .filter(([id, b]) => byBranch.has(id) || b.kind === "branch")
    .map(([id, b]) => ({
      branchId: id,
      name: b.name,
      ...(byBranch.get(id) ?? {
        members: null,
        activeMembers: 0,
        earnedActiveMembers: 0,
        points: 0,
        earned: 0,
        activities: 0,
      }),
    }));
  const ranked = rankBranchesBySource(rows, rules.claimed);
  keepableAnswer(c);
  return c.json(
    { districtId, ...span, counting: counting(rules.claimed), ...byPosition(ranked, limit, cursor) },
    200,
  );
};
