import type { TemplateItem } from "@vanguard/domain";
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import { inspectionTemplates } from "../schema/evaluations";
import type { DistrictContext, TenantContext } from "../tenant/context";
import { statement } from "../write/sql";

type TemplateRowRaw = typeof inspectionTemplates.$inferSelect;
export type InspectionTemplateRow = Omit<TemplateRowRaw, "items"> & { items: TemplateItem[] };

const parsed = (r: TemplateRowRaw): InspectionTemplateRow => ({
  ...r,
  items: JSON.parse(r.items) as TemplateItem[],
});

/** Branches read their district's templates; both contexts carry the district and its shard. */
type DistrictScoped =
  | Pick<DistrictContext, "districtId" | "shard">
  | Pick<TenantContext, "districtId" | "shard">;

/** A template at a version, or its latest version when none is given. */
export async function getTemplate(
  ctx: DistrictScoped,
  id: string,
  version?: number,
): Promise<InspectionTemplateRow | undefined> {
  const t = inspectionTemplates;
  const row = await ctx.shard.db
    .select()
    .from(t)
    .where(
      and(
        eq(t.districtId, ctx.districtId),
        eq(t.id, id),
        version === undefined ? undefined : eq(t.version, version),
      ),
    )
    .orderBy(desc(t.version))
    .limit(1)
    .get();
  return row ? parsed(row) : undefined;
}

/** The latest version of each of the district's templates, by id. */
export async function listTemplates(
  ctx: DistrictScoped,
  { limit, after }: { limit: number; after?: string },
): Promise<InspectionTemplateRow[]> {
  const t = inspectionTemplates;
  const rows = await ctx.shard.db
    .select()
    .from(t)
    .where(
      and(
        eq(t.districtId, ctx.districtId),
        after ? gt(t.id, after) : undefined,
        sql`${t.version} = (SELECT max(x.version) FROM inspection_templates x WHERE x.district_id = ${t.districtId} AND x.id = ${t.id})`,
      ),
    )
    .orderBy(asc(t.id))
    .limit(limit);
  return rows.map(parsed);
}

export function insertTemplate(
  dc: DistrictContext,
  row: Omit<InspectionTemplateRow, "districtId">,
): D1PreparedStatement {
  return statement(
    dc.shard.d1,
    dc.shard.db
      .insert(inspectionTemplates)
      .values({ ...row, districtId: dc.districtId, items: JSON.stringify(row.items) }),
  );
}
