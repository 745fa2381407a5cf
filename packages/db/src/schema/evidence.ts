import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Evidence (全程纪实): files attached to a branch's records, kept in R2 under a branch-scoped key
 * named by the SHA-256 of the content. A row is never deleted: a replacement supersedes it with a
 * reason, and the old file stays readable. The same hash is chained into the event that attached it.
 */
export const attachments = sqliteTable(
  "attachments",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    /** development_step | meeting | record | inspection_item | duty_task */
    targetType: text("target_type").notNull(),
    /** the record: a meeting's or record's id; `case/step` for a development step, `inspection/item` for an item */
    targetId: text("target_id").notNull(),
    /** what the paper is (入党申请书, 签到表…): a code of the evidence documents */
    document: text("document").notNull(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    objectKey: text("object_key").notNull(),
    supersedes: text("supersedes"),
    reason: text("reason"),
    supersededBy: text("superseded_by"),
    createdAt: text("created_at").notNull(),
    createdBy: text("created_by").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    index("attachments_target_idx").on(t.branchId, t.targetType, t.targetId),
    index("attachments_sha_idx").on(t.branchId, t.sha256),
  ],
);

/**
 * A district's own .docx templates for the generated forms, versioned: the newest version of a kind
 * is used, older ones stay as they were (a document generated earlier can be traced to its template).
 */
export const documentTemplates = sqliteTable(
  "document_templates",
  {
    districtId: text("district_id").notNull(),
    kind: text("kind").notNull(),
    version: integer("version").notNull(),
    filename: text("filename").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    objectKey: text("object_key").notNull(),
    createdAt: text("created_at").notNull(),
    createdBy: text("created_by").notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.kind, t.version] })],
);
