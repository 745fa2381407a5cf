import { and, desc, eq } from "drizzle-orm";
import { documentTemplates } from "../schema/evidence";
import type { ShardDb } from "../shards";
import { statement } from "../write/sql";

export type DocumentTemplateRow = typeof documentTemplates.$inferSelect;

/** A district-wide read: anything that knows the district and its shard (a branch's or the district's context). */
interface DistrictShard {
  readonly districtId: string;
  readonly shard: ShardDb;
}

export function templateKey(districtId: string, kind: string, sha256: string): string {
  return `districts/${districtId}/templates/${kind}/${sha256}`;
}

/** The district's newest template of `kind`, if it uploaded one (else the shipped default is used). */
export function latestDocumentTemplate(
  ctx: DistrictShard,
  kind: string,
): Promise<DocumentTemplateRow | undefined> {
  return ctx.shard.db
    .select()
    .from(documentTemplates)
    .where(and(eq(documentTemplates.districtId, ctx.districtId), eq(documentTemplates.kind, kind)))
    .orderBy(desc(documentTemplates.version))
    .limit(1)
    .get();
}

export function listDocumentTemplates(ctx: DistrictShard) {
  return ctx.shard.db
    .select()
    .from(documentTemplates)
    .where(eq(documentTemplates.districtId, ctx.districtId))
    .orderBy(documentTemplates.kind, desc(documentTemplates.version));
}

/** Versions are only added; a clash on (district, kind, version) means another upload won the race. */
export function insertDocumentTemplate(
  ctx: DistrictShard,
  row: Omit<DocumentTemplateRow, "districtId">,
): D1PreparedStatement {
  return statement(
    ctx.shard.d1,
    ctx.shard.db.insert(documentTemplates).values({ ...row, districtId: ctx.districtId }),
  );
}
