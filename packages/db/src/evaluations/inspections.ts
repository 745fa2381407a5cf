import { and, asc, eq, gt } from "drizzle-orm";
import { inspectionItems, inspections } from "../schema/evaluations";
import type { DistrictContext, TenantContext } from "../tenant/context";
import { bulkInsert, expectChanged, rawStatement, statement } from "../write/sql";

export type InspectionRow = typeof inspections.$inferSelect;
export type InspectionItemRow = typeof inspectionItems.$inferSelect;

/**
 * A new inspection: a draft of the template's current version, every score, review and sign-off
 * still blank (the row's one factory, beside its table).
 */
export function newInspectionRow(
  tc: TenantContext,
  f: {
    id: string;
    period: string;
    template: { id: string; version: number; name: string; maxTotal: number };
    by: string;
    at: string;
  },
): InspectionRow {
  return {
    districtId: tc.districtId,
    branchId: tc.branchId,
    id: f.id,
    period: f.period,
    templateId: f.template.id,
    templateVersion: f.template.version,
    templateName: f.template.name,
    status: "draft",
    maxTotal: f.template.maxTotal,
    selfTotal: null,
    finalTotal: null,
    grade: null,
    ruleSetVersion: null,
    reviewComment: null,
    submittedAt: null,
    submittedBy: null,
    reviewedAt: null,
    reviewedBy: null,
    createdAt: f.at,
    createdBy: f.by,
    updatedAt: f.at,
    version: 1,
  };
}

/** The template's items as the inspection's lines, in the template's order, nothing scored yet. */
export function newInspectionItemRows(
  inspection: Pick<InspectionRow, "districtId" | "branchId" | "id" | "period">,
  items: readonly { code: string; title: string; maxScore: number; ownerPost?: string | null }[],
): InspectionItemRow[] {
  return items.map((t, position) => ({
    districtId: inspection.districtId,
    branchId: inspection.branchId,
    inspectionId: inspection.id,
    period: inspection.period,
    code: t.code,
    position,
    title: t.title,
    maxScore: t.maxScore,
    ownerPost: t.ownerPost ?? null,
    selfScore: null,
    evidence: null,
    selfReason: null,
    nomineeId: null,
    finalScore: null,
    deducted: null,
    deductionReason: null,
    responsibleMemberId: null,
    responsibleName: null,
    responsiblePost: null,
    responsibleVia: null,
    reviewedAt: null,
  }));
}

function scope(tc: TenantContext) {
  return and(eq(inspections.districtId, tc.districtId), eq(inspections.branchId, tc.branchId));
}

/** An inspection and its checklist lines in position order, read in one round trip. */
export async function getInspection(
  tc: TenantContext,
  id: string,
): Promise<{ inspection: InspectionRow; items: InspectionItemRow[] } | undefined> {
  const i = inspectionItems;
  const [head, items] = await tc.shard.db.batch([
    tc.shard.db
      .select()
      .from(inspections)
      .where(and(scope(tc), eq(inspections.id, id))),
    tc.shard.db
      .select()
      .from(i)
      .where(and(eq(i.districtId, tc.districtId), eq(i.branchId, tc.branchId), eq(i.inspectionId, id)))
      .orderBy(asc(i.position)),
  ]);
  return head[0] ? { inspection: head[0], items } : undefined;
}

export function getInspectionForPeriod(
  tc: TenantContext,
  period: string,
): Promise<InspectionRow | undefined> {
  return tc.shard.db
    .select()
    .from(inspections)
    .where(and(scope(tc), eq(inspections.period, period)))
    .get();
}

export function listInspections(
  tc: TenantContext,
  f: { limit: number; after?: string; period?: string; status?: InspectionRow["status"] },
): Promise<InspectionRow[]> {
  return tc.shard.db
    .select()
    .from(inspections)
    .where(
      and(
        scope(tc),
        f.period ? eq(inspections.period, f.period) : undefined,
        f.status ? eq(inspections.status, f.status) : undefined,
        f.after ? gt(inspections.id, f.after) : undefined,
      ),
    )
    .orderBy(asc(inspections.id))
    .limit(f.limit);
}

/** Every branch's inspections in the district, e.g. what awaits review this quarter. */
export function listDistrictInspections(
  dc: DistrictContext,
  f: { limit: number; after?: string; period?: string; status?: InspectionRow["status"] },
): Promise<InspectionRow[]> {
  return dc.shard.db
    .select()
    .from(inspections)
    .where(
      and(
        eq(inspections.districtId, dc.districtId),
        f.period ? eq(inspections.period, f.period) : undefined,
        f.status ? eq(inspections.status, f.status) : undefined,
        f.after ? gt(inspections.id, f.after) : undefined,
      ),
    )
    .orderBy(asc(inspections.id))
    .limit(f.limit);
}

export function insertInspection(
  tc: TenantContext,
  row: Omit<InspectionRow, "districtId" | "branchId">,
  items: Omit<InspectionItemRow, "districtId" | "branchId" | "inspectionId" | "period">[],
): D1PreparedStatement[] {
  const keys = { districtId: tc.districtId, branchId: tc.branchId };
  return [
    statement(tc.shard.d1, tc.shard.db.insert(inspections).values({ ...row, ...keys })),
    ...bulkInsert(
      tc.shard.d1,
      inspectionItems,
      items.map((i) => ({ ...i, ...keys, inspectionId: row.id, period: row.period })),
    ),
  ];
}

/** Moves the inspection on, only from the version that was read (else the batch aborts: 409). */
export function updateInspection(
  tc: TenantContext,
  id: string,
  version: number,
  patch: Partial<Omit<InspectionRow, "districtId" | "branchId" | "id" | "version">>,
): D1PreparedStatement[] {
  return [
    statement(
      tc.shard.d1,
      tc.shard.db
        .update(inspections)
        .set({ ...patch, version: version + 1 })
        .where(and(scope(tc), eq(inspections.id, id), eq(inspections.version, version))),
    ),
    expectChanged(tc.shard.d1),
  ];
}

export function updateInspectionItem(
  tc: TenantContext,
  inspectionId: string,
  code: string,
  patch: Pick<InspectionItemRow, "selfScore" | "evidence" | "selfReason" | "nomineeId">,
): D1PreparedStatement[] {
  const i = inspectionItems;
  return [
    statement(
      tc.shard.d1,
      tc.shard.db
        .update(i)
        .set(patch)
        .where(
          and(
            eq(i.districtId, tc.districtId),
            eq(i.branchId, tc.branchId),
            eq(i.inspectionId, inspectionId),
            eq(i.code, code),
          ),
        ),
    ),
    expectChanged(tc.shard.d1),
  ];
}

export interface ReviewedLine {
  code: string;
  finalScore: number;
  deducted: number;
  deductionReason: string | null;
  responsibleMemberId: string | null;
  responsibleName: string | null;
  responsiblePost: string | null;
  responsibleVia: string | null;
}

/** Writes every line's final word in one statement, however long the checklist. */
export function reviewInspectionItems(
  tc: TenantContext,
  inspectionId: string,
  lines: ReviewedLine[],
  reviewedAt: string,
): D1PreparedStatement[] {
  return [
    rawStatement(
      tc.shard.d1,
      `UPDATE inspection_items SET
         final_score = json_extract(j.value, '$.finalScore'),
         deducted = json_extract(j.value, '$.deducted'),
         deduction_reason = json_extract(j.value, '$.deductionReason'),
         responsible_member_id = json_extract(j.value, '$.responsibleMemberId'),
         responsible_name = json_extract(j.value, '$.responsibleName'),
         responsible_post = json_extract(j.value, '$.responsiblePost'),
         responsible_via = json_extract(j.value, '$.responsibleVia'),
         reviewed_at = ?
       FROM json_each(?) AS j
       WHERE inspection_items.district_id = ? AND inspection_items.branch_id = ?
         AND inspection_items.inspection_id = ? AND inspection_items.code = json_extract(j.value, '$.code')`,
      [reviewedAt, JSON.stringify(lines), tc.districtId, tc.branchId, inspectionId],
    ),
    expectChanged(tc.shard.d1, lines.length),
  ];
}
