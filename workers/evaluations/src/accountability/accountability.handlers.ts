import {
  type AccountabilityFilter,
  branchAccountability,
  branchNames,
  type DeductionLine,
  districtAccountability,
} from "@vanguard/db/evaluations";
import { addQuarters, quarterOf, READ_BRANCH, READ_DISTRICT, todayIn } from "@vanguard/domain";
import {
  type AppRouteHandler,
  decodeCursor,
  encodeCursor,
  invalid,
  moduleBranch,
  moduleDistrict,
} from "@vanguard/platform";
import type { BranchRoute, DistrictRoute } from "./accountability.routes";

interface Query {
  from?: string;
  to?: string;
  memberId?: string;
  limit: number;
  cursor?: string;
}

function filter(q: Query, timeZone: string): AccountabilityFilter {
  const to = q.to ?? quarterOf(todayIn(timeZone));
  // by default the last four quarters, so the view is never empty just because a year turned
  const from = q.from ?? addQuarters(to, -3);
  if (from > to) throw invalid("from", { zh: "起始季度不能晚于结束季度", en: "`from` is after `to`" });
  const after = decodeCursor(q.cursor);
  let keyset: AccountabilityFilter["after"];
  if (after !== undefined) {
    const cut = after.indexOf("|");
    const points = Number(after.slice(0, cut));
    if (cut < 0 || Number.isNaN(points))
      throw invalid("cursor", { zh: "游标无效", en: "The cursor is not valid" });
    keyset = { points, memberId: after.slice(cut + 1) };
  }
  return { from, to, memberId: q.memberId, limit: q.limit + 1, after: keyset };
}

function shape(
  f: AccountabilityFilter,
  limit: number,
  result: Awaited<ReturnType<typeof districtAccountability>>,
  names: Map<string, string>,
) {
  const more = result.members.length > limit;
  const members = result.members.slice(0, limit);
  const lines = new Map<string, DeductionLine[]>();
  for (const l of result.lines) {
    if (!lines.has(l.memberId)) lines.set(l.memberId, []);
    lines.get(l.memberId)!.push(l);
  }
  const last = members.at(-1);
  return {
    from: f.from,
    to: f.to,
    items: members.map((m) => ({
      ...m,
      deductions: (lines.get(m.memberId) ?? []).map(({ memberId: _m, ...l }) => ({
        ...l,
        branchName: names.get(l.branchId) ?? null,
      })),
    })),
    nextCursor: more && last ? encodeCursor(`${last.points}|${last.memberId}`) : null,
  };
}

export const district: AppRouteHandler<DistrictRoute> = async (c) => {
  const { districtId } = c.req.valid("param");
  const q = c.req.valid("query");
  const dc = moduleDistrict(c, districtId, READ_DISTRICT);
  const f = filter(q, dc.timeZone);
  const result = await districtAccountability(dc, f);
  const names = await branchNames(
    c.get("plane"),
    districtId,
    result.lines.map((l) => l.branchId),
  );
  return c.json(shape(f, q.limit, result, names), 200);
};

export const branch: AppRouteHandler<BranchRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const q = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const f = filter(q, tc.timeZone);
  const result = await branchAccountability(tc, f);
  const names = await branchNames(c.get("plane"), tc.districtId, [branchId]);
  return c.json(shape(f, q.limit, result, names), 200);
};
