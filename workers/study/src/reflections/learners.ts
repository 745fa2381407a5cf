import { type DistrictContext, earnedAmong, featuredSince, type TenantContext } from "@vanguard/db";
import { addDays, type PeriodSpan, rankModelLearners, todayIn } from "@vanguard/domain";

/**
 * 学习标兵 of a branch (a tenant context) or a district: the members with a reflection featured in
 * the period (its day in the district's time zone), ranked by the points they earned in it.
 */
export async function modelLearners(
  ctx: TenantContext | DistrictContext,
  timeZone: string,
  span: PeriodSpan,
  limit: number,
) {
  // a day early in UTC covers any offset; the exact day is decided below in the district's zone
  const featured = (await featuredSince(ctx, `${addDays(span.from, -1)}T00:00:00.000Z`)).filter((r) => {
    const day = todayIn(timeZone, new Date(r.featuredAt!));
    return day >= span.from && day <= span.to;
  });
  const byMember = new Map<string, typeof featured>();
  for (const r of featured) byMember.set(r.memberId, [...(byMember.get(r.memberId) ?? []), r]);
  const earned = new Map<string, number>();
  for (const e of await earnedAmong(ctx, span.key, [...byMember.keys()])) {
    earned.set(e.memberId, (earned.get(e.memberId) ?? 0) + e.earned);
  }
  const ranked = rankModelLearners(
    [...byMember].map(([memberId, rs]) => ({
      memberId,
      branchId: rs[0]!.branchId,
      earned: earned.get(memberId) ?? 0,
      featured: rs.length,
    })),
    limit,
  );
  return ranked.map((l, i) => {
    const rs = byMember.get(l.memberId)!;
    return {
      rank: i + 1,
      ...l,
      name: rs[0]!.memberName,
      reflections: rs.map((r) => ({ id: r.id, title: r.title, featuredAt: r.featuredAt! })),
    };
  });
}
