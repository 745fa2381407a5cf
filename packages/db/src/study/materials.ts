import { and, desc, eq, getTableColumns, isNotNull, isNull, sql } from "drizzle-orm";
import { studyMaterials } from "../schema/study";
import type { DistrictContext, TenantContext } from "../tenant/context";
import { expectChanged, statement } from "../write/sql";

export type StudyMaterialRow = typeof studyMaterials.$inferSelect;
export type NewStudyMaterial = Omit<
  StudyMaterialRow,
  "districtId" | "retiredAt" | "retiredBy" | "retireReason"
>;

/** Branches read their district's library; both contexts carry the district and its shard. */
type DistrictScoped =
  | Pick<DistrictContext, "districtId" | "shard">
  | Pick<TenantContext, "districtId" | "shard">;

export function insertMaterial(dc: DistrictContext, row: NewStudyMaterial): D1PreparedStatement {
  return statement(
    dc.shard.d1,
    dc.shard.db.insert(studyMaterials).values({ ...row, districtId: dc.districtId }),
  );
}

/** Retires a material once: a second retirement changes no row and aborts the batch. */
export function retireMaterialStatements(
  dc: DistrictContext,
  id: string,
  r: { retiredAt: string; retiredBy: string; reason: string },
): D1PreparedStatement[] {
  const m = studyMaterials;
  return [
    statement(
      dc.shard.d1,
      dc.shard.db
        .update(m)
        .set({ retiredAt: r.retiredAt, retiredBy: r.retiredBy, retireReason: r.reason })
        .where(and(eq(m.districtId, dc.districtId), eq(m.id, id), isNull(m.retiredAt))),
    ),
    expectChanged(dc.shard.d1),
  ];
}

export async function getMaterial(ctx: DistrictScoped, id: string): Promise<StudyMaterialRow | undefined> {
  const m = studyMaterials;
  return ctx.shard.db
    .select()
    .from(m)
    .where(and(eq(m.districtId, ctx.districtId), eq(m.id, id)))
    .get();
}

export type MaterialListing = "published" | "scheduled" | "retired" | "all";

/** A list shows what a material is, not its text or its questions. */
const { body: _body, quiz: _quiz, ...listed } = getTableColumns(studyMaterials);
export type StudyMaterialListRow = Omit<StudyMaterialRow, "body" | "quiz">;

/**
 * The district's materials, newest publish date first, paged by (publish_on, id). `today` (the
 * district's date) tells published from scheduled.
 */
export function listMaterials(
  ctx: DistrictScoped,
  f: {
    status: MaterialListing;
    today: string;
    kind?: "article" | "video" | "quiz";
    tag?: string;
    limit: number;
    before?: { publishOn: string; id: string };
  },
): Promise<StudyMaterialListRow[]> {
  const m = studyMaterials;
  const status = {
    published: and(isNull(m.retiredAt), sql`${m.publishOn} <= ${f.today}`),
    scheduled: and(isNull(m.retiredAt), sql`${m.publishOn} > ${f.today}`),
    retired: isNotNull(m.retiredAt),
    all: undefined,
  }[f.status];
  return ctx.shard.db
    .select(listed)
    .from(m)
    .where(
      and(
        eq(m.districtId, ctx.districtId),
        status,
        f.kind ? eq(m.kind, f.kind) : undefined,
        f.tag ? sql`EXISTS (SELECT 1 FROM json_each(${m.tags}) WHERE value = ${f.tag})` : undefined,
        f.before ? sql`(${m.publishOn}, ${m.id}) < (${f.before.publishOn}, ${f.before.id})` : undefined,
      ),
    )
    .orderBy(desc(m.publishOn), desc(m.id))
    .limit(f.limit);
}
