import { and, desc, eq, gte, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { studyReflections } from "../schema/practices";
import { members } from "../schema/shard";
import { studyMemberPeriods } from "../schema/study";
import type { DistrictContext, TenantContext } from "../tenant/context";
import { expectChanged, statement } from "../write/sql";

export type ReflectionRow = typeof studyReflections.$inferSelect;
export type ReflectionListRow = ReflectionRow & { memberName: string | null };

/** Both contexts carry the district and its shard; a tenant context also narrows to its branch. */
type Scoped = Pick<DistrictContext, "districtId" | "shard"> & { branchId?: string };

const r = studyReflections;

function scope(ctx: Scoped) {
  return and(eq(r.districtId, ctx.districtId), ctx.branchId ? eq(r.branchId, ctx.branchId) : undefined);
}

export function getReflection(tc: TenantContext, id: string): Promise<ReflectionRow | undefined> {
  return tc.shard.db
    .select()
    .from(r)
    .where(and(scope(tc), eq(r.id, id)))
    .get();
}

/** The reflection a member already wrote on a material or a meeting, if any. */
export function reflectionOnSubject(
  tc: TenantContext,
  k: { memberId: string; subjectType: ReflectionRow["subjectType"]; subjectId: string },
): Promise<Pick<ReflectionRow, "id"> | undefined> {
  return tc.shard.db
    .select({ id: r.id })
    .from(r)
    .where(
      and(
        scope(tc),
        eq(r.memberId, k.memberId),
        eq(r.subjectType, k.subjectType),
        eq(r.subjectId, k.subjectId),
      ),
    )
    .get();
}

export function insertReflection(
  tc: TenantContext,
  row: Omit<ReflectionRow, "districtId" | "branchId">,
): D1PreparedStatement {
  return statement(
    tc.shard.d1,
    tc.shard.db.insert(r).values({ ...row, districtId: tc.districtId, branchId: tc.branchId }),
  );
}

/** Features a reflection once: the guard on `featured_at` makes a second feature change nothing and fail. */
export function featureReflectionStatements(
  tc: TenantContext,
  row: Pick<ReflectionRow, "id" | "version">,
  set: { featuredAt: string; featuredBy: string; awarded: number },
): D1PreparedStatement[] {
  return [
    statement(
      tc.shard.d1,
      tc.shard.db
        .update(r)
        .set({ ...set, version: row.version + 1 })
        .where(and(scope(tc), eq(r.id, row.id), eq(r.version, row.version), isNull(r.featuredAt))),
    ),
    expectChanged(tc.shard.d1),
  ];
}

/**
 * Reflections of a branch (a tenant context) or of a whole district, newest first, paged by id;
 * `featured` keeps only featured ones, `memberId` one member's.
 */
export function listReflections(
  ctx: Scoped,
  f: { memberId?: string; featured?: boolean; before?: string | null; limit: number },
): Promise<ReflectionListRow[]> {
  return ctx.shard.db
    .select({ ...reflectionColumns, memberName: members.name })
    .from(r)
    .leftJoin(members, and(eq(members.branchId, r.branchId), eq(members.id, r.memberId)))
    .where(
      and(
        scope(ctx),
        f.memberId ? eq(r.memberId, f.memberId) : undefined,
        f.featured ? isNotNull(r.featuredAt) : undefined,
        f.before ? lt(r.id, f.before) : undefined,
      ),
    )
    .orderBy(desc(r.id))
    .limit(f.limit);
}

const reflectionColumns = {
  branchId: r.branchId,
  id: r.id,
  districtId: r.districtId,
  memberId: r.memberId,
  subjectType: r.subjectType,
  subjectId: r.subjectId,
  title: r.title,
  text: r.text,
  submittedAt: r.submittedAt,
  featuredAt: r.featuredAt,
  featuredBy: r.featuredBy,
  awarded: r.awarded,
  version: r.version,
};

/**
 * Featured reflections since an instant, with their authors' names, for the model learners of a
 * branch or a district; the caller keeps those featured within its period in the district's time
 * zone. Few per branch a year, so read whole.
 */
export function featuredSince(
  ctx: Scoped,
  since: string,
): Promise<
  (Pick<ReflectionRow, "id" | "memberId" | "branchId" | "title" | "featuredAt"> & {
    memberName: string | null;
  })[]
> {
  return ctx.shard.db
    .select({
      id: r.id,
      memberId: r.memberId,
      branchId: r.branchId,
      title: r.title,
      featuredAt: r.featuredAt,
      memberName: members.name,
    })
    .from(r)
    .leftJoin(members, and(eq(members.branchId, r.branchId), eq(members.id, r.memberId)))
    .where(and(scope(ctx), isNotNull(r.featuredAt), gte(r.featuredAt, since)))
    .orderBy(desc(r.featuredAt));
}

/** Earned study points of some members for one period key (`2026`, `2026-11`, …). */
export function earnedAmong(
  ctx: Scoped,
  period: string,
  memberIds: string[],
): Promise<{ memberId: string; branchId: string; earned: number }[]> {
  const p = studyMemberPeriods;
  if (memberIds.length === 0) return Promise.resolve([]);
  return ctx.shard.db
    .select({ memberId: p.memberId, branchId: p.branchId, earned: p.earned })
    .from(p)
    .where(
      and(
        eq(p.districtId, ctx.districtId),
        ctx.branchId ? eq(p.branchId, ctx.branchId) : undefined,
        eq(p.period, period),
        sql`${p.memberId} IN (SELECT value FROM json_each(${JSON.stringify(memberIds)}))`,
      ),
    );
}
