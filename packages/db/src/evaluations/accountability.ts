import type { DistrictContext, TenantContext } from "../tenant/context";

/** Points one committee member answers for over a span of quarters (谁负责的事项导致丢分，谁受处罚). */
export interface AccountableMember {
  memberId: string;
  name: string;
  points: number;
  items: number;
}

export interface DeductionLine {
  branchId: string;
  inspectionId: string;
  period: string;
  code: string;
  title: string;
  maxScore: number;
  finalScore: number;
  deducted: number;
  reason: string | null;
  memberId: string;
  post: string | null;
  via: string | null;
  reviewedAt: string | null;
}

export interface AccountabilityFilter {
  from: string;
  to: string;
  memberId?: string;
  limit: number;
  /** keyset of the last row of the previous page: most points first, then member id */
  after?: { points: number; memberId: string };
}

async function accountability(
  ctx: Pick<DistrictContext, "districtId" | "shard">,
  branchId: string | null,
  f: AccountabilityFilter,
): Promise<{ members: AccountableMember[]; lines: DeductionLine[] }> {
  const where = [
    "district_id = ?",
    "responsible_member_id IS NOT NULL",
    "period BETWEEN ? AND ?",
    ...(branchId ? ["branch_id = ?"] : []),
    ...(f.memberId ? ["responsible_member_id = ?"] : []),
  ].join(" AND ");
  const params: unknown[] = [ctx.districtId, f.from, f.to];
  if (branchId) params.push(branchId);
  if (f.memberId) params.push(f.memberId);
  const having = f.after ? "HAVING points < ? OR (points = ? AND member_id > ?)" : "";
  const havingParams = f.after ? [f.after.points, f.after.points, f.after.memberId] : [];
  const grouped = await ctx.shard.d1
    .prepare(
      `SELECT responsible_member_id AS member_id, max(responsible_name) AS name,
              round(sum(deducted), 1) AS points, count(*) AS items
         FROM inspection_items WHERE ${where}
        GROUP BY responsible_member_id ${having}
        ORDER BY points DESC, member_id ASC LIMIT ?`,
    )
    .bind(...params, ...havingParams, f.limit)
    .all<{ member_id: string; name: string; points: number; items: number }>();
  const members = grouped.results.map((r) => ({
    memberId: r.member_id,
    name: r.name,
    points: r.points,
    items: r.items,
  }));
  if (members.length === 0) return { members, lines: [] };
  const detail = await ctx.shard.d1
    .prepare(
      `SELECT branch_id, inspection_id, period, code, title, max_score, final_score, deducted,
              deduction_reason, responsible_member_id, responsible_post, responsible_via, reviewed_at
         FROM inspection_items
        WHERE ${where} AND responsible_member_id IN (SELECT value FROM json_each(?))
        ORDER BY responsible_member_id, period, branch_id, position`,
    )
    .bind(...params, JSON.stringify(members.map((m) => m.memberId)))
    .all<Record<string, unknown>>();
  const lines = detail.results.map((r) => ({
    branchId: r.branch_id as string,
    inspectionId: r.inspection_id as string,
    period: r.period as string,
    code: r.code as string,
    title: r.title as string,
    maxScore: r.max_score as number,
    finalScore: r.final_score as number,
    deducted: r.deducted as number,
    reason: (r.deduction_reason as string | null) ?? null,
    memberId: r.responsible_member_id as string,
    post: (r.responsible_post as string | null) ?? null,
    via: (r.responsible_via as string | null) ?? null,
    reviewedAt: (r.reviewed_at as string | null) ?? null,
  }));
  return { members, lines };
}

/** Across every branch of the district. */
export function districtAccountability(dc: DistrictContext, f: AccountabilityFilter) {
  return accountability(dc, null, f);
}

/** Within one branch. */
export function branchAccountability(tc: TenantContext, f: AccountabilityFilter) {
  return accountability(tc, tc.branchId, f);
}
