import type { TemplateItem } from "@vanguard/domain";
import { and, asc, desc, eq, getTableColumns, gt, sql } from "drizzle-orm";
import { inspectionTemplateRetirements, inspectionTemplates } from "../schema/evaluations";
import type { DistrictContext, TenantContext } from "../tenant/context";
import { statement } from "../write/sql";

type TemplateRowRaw = typeof inspectionTemplates.$inferSelect & { retiredAt: string | null };
export type InspectionTemplateRow = Omit<TemplateRowRaw, "items"> & { items: TemplateItem[] };

const parsed = (r: TemplateRowRaw): InspectionTemplateRow => ({
  ...r,
  items: JSON.parse(r.items) as TemplateItem[],
});

/** Every version's columns, and when the template was retired (null while in use). */
function withRetirement() {
  const t = inspectionTemplates;
  const r = inspectionTemplateRetirements;
  return {
    ...getTableColumns(t),
    retiredAt: sql<
      string | null
    >`(SELECT ${r.retiredAt} FROM ${r} WHERE ${r.districtId} = ${t.districtId} AND ${r.templateId} = ${t.id})`,
  };
}

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
    .select(withRetirement())
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

/** The latest version of each of the district's templates, by id; `inUse` leaves out retired ones. */
export async function listTemplates(
  ctx: DistrictScoped,
  { limit, after, inUse = false }: { limit: number; after?: string; inUse?: boolean },
): Promise<InspectionTemplateRow[]> {
  const t = inspectionTemplates;
  const r = inspectionTemplateRetirements;
  const rows = await ctx.shard.db
    .select(withRetirement())
    .from(t)
    .where(
      and(
        eq(t.districtId, ctx.districtId),
        after ? gt(t.id, after) : undefined,
        inUse
          ? sql`NOT EXISTS (SELECT 1 FROM ${r} WHERE ${r.districtId} = ${t.districtId} AND ${r.templateId} = ${t.id})`
          : undefined,
        sql`${t.version} = (SELECT max(x.version) FROM inspection_templates x WHERE x.district_id = ${t.districtId} AND x.id = ${t.id})`,
      ),
    )
    .orderBy(asc(t.id))
    .limit(limit);
  return rows.map(parsed);
}

export function insertTemplate(
  dc: DistrictContext,
  row: Omit<InspectionTemplateRow, "districtId" | "retiredAt">,
): D1PreparedStatement {
  return statement(
    dc.shard.d1,
    dc.shard.db
      .insert(inspectionTemplates)
      .values({ ...row, districtId: dc.districtId, items: JSON.stringify(row.items) }),
  );
}

/** Retires a template once: a second retirement fails on the key. */
export function insertRetirement(
  dc: DistrictContext,
  r: { templateId: string; reason: string; retiredAt: string; retiredBy: string },
): D1PreparedStatement {
  return statement(
    dc.shard.d1,
    dc.shard.db.insert(inspectionTemplateRetirements).values({ ...r, districtId: dc.districtId }),
  );
}
