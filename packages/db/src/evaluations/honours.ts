import { and, asc, eq, gt } from "drizzle-orm";
import { awards, modelPosts } from "../schema/evaluations";
import { members } from "../schema/shard";
import type { DistrictContext, TenantContext } from "../tenant/context";
import { expectChanged, statement } from "../write/sql";

export type ModelPostRow = typeof modelPosts.$inferSelect;
export type AwardRow = typeof awards.$inferSelect;
/** Honours are listed with the member's name, wherever the member now is. */
export type Named<T> = T & { memberName: string | null };

const named = <T>(rows: { row: T; memberName: string | null }[]): Named<T>[] =>
  rows.map((r) => ({ ...r.row, memberName: r.memberName }));

interface HonourFilter {
  limit: number;
  after?: string;
  year?: number;
}

export function getModelPost(tc: TenantContext, id: string): Promise<ModelPostRow | undefined> {
  const m = modelPosts;
  return tc.shard.db
    .select()
    .from(m)
    .where(and(eq(m.districtId, tc.districtId), eq(m.branchId, tc.branchId), eq(m.id, id)))
    .get();
}

export async function listModelPosts(tc: TenantContext, f: HonourFilter): Promise<Named<ModelPostRow>[]> {
  const m = modelPosts;
  const rows = await tc.shard.db
    .select({ row: m, memberName: members.name })
    .from(m)
    .leftJoin(members, and(eq(members.branchId, m.branchId), eq(members.id, m.memberId)))
    .where(
      and(
        eq(m.districtId, tc.districtId),
        eq(m.branchId, tc.branchId),
        f.year ? eq(m.year, f.year) : undefined,
        f.after ? gt(m.id, f.after) : undefined,
      ),
    )
    .orderBy(asc(m.id))
    .limit(f.limit);
  return named(rows);
}

export async function listDistrictModelPosts(
  dc: DistrictContext,
  f: HonourFilter & { status?: ModelPostRow["status"] },
): Promise<Named<ModelPostRow>[]> {
  const m = modelPosts;
  const rows = await dc.shard.db
    .select({ row: m, memberName: members.name })
    .from(m)
    .leftJoin(members, and(eq(members.branchId, m.branchId), eq(members.id, m.memberId)))
    .where(
      and(
        eq(m.districtId, dc.districtId),
        f.year ? eq(m.year, f.year) : undefined,
        f.status ? eq(m.status, f.status) : undefined,
        f.after ? gt(m.id, f.after) : undefined,
      ),
    )
    .orderBy(asc(m.id))
    .limit(f.limit);
  return named(rows);
}

export function insertModelPost(
  tc: TenantContext,
  row: Omit<ModelPostRow, "districtId" | "branchId">,
): D1PreparedStatement {
  return statement(
    tc.shard.d1,
    tc.shard.db.insert(modelPosts).values({ ...row, districtId: tc.districtId, branchId: tc.branchId }),
  );
}

export function updateModelPost(
  tc: TenantContext,
  id: string,
  version: number,
  patch: Partial<Pick<ModelPostRow, "status" | "awardedOn" | "awardedBy">>,
): D1PreparedStatement[] {
  const m = modelPosts;
  return [
    statement(
      tc.shard.d1,
      tc.shard.db
        .update(m)
        .set({ ...patch, version: version + 1 })
        .where(
          and(
            eq(m.districtId, tc.districtId),
            eq(m.branchId, tc.branchId),
            eq(m.id, id),
            eq(m.version, version),
          ),
        ),
    ),
    expectChanged(tc.shard.d1),
  ];
}

export async function listAwards(tc: TenantContext, f: HonourFilter): Promise<Named<AwardRow>[]> {
  const a = awards;
  const rows = await tc.shard.db
    .select({ row: a, memberName: members.name })
    .from(a)
    .leftJoin(members, and(eq(members.branchId, a.branchId), eq(members.id, a.memberId)))
    .where(
      and(
        eq(a.districtId, tc.districtId),
        eq(a.branchId, tc.branchId),
        f.year ? eq(a.year, f.year) : undefined,
        f.after ? gt(a.id, f.after) : undefined,
      ),
    )
    .orderBy(asc(a.id))
    .limit(f.limit);
  return named(rows);
}

export async function listDistrictAwards(dc: DistrictContext, f: HonourFilter): Promise<Named<AwardRow>[]> {
  const a = awards;
  const rows = await dc.shard.db
    .select({ row: a, memberName: members.name })
    .from(a)
    .leftJoin(members, and(eq(members.branchId, a.branchId), eq(members.id, a.memberId)))
    .where(
      and(
        eq(a.districtId, dc.districtId),
        f.year ? eq(a.year, f.year) : undefined,
        f.after ? gt(a.id, f.after) : undefined,
      ),
    )
    .orderBy(asc(a.id))
    .limit(f.limit);
  return named(rows);
}

export function insertAward(
  tc: TenantContext,
  row: Omit<AwardRow, "districtId" | "branchId">,
): D1PreparedStatement {
  return statement(
    tc.shard.d1,
    tc.shard.db.insert(awards).values({ ...row, districtId: tc.districtId, branchId: tc.branchId }),
  );
}
