import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * Tables owned by the audits worker (shard side). Every table carries `district_id` and `branch_id`
 * and is keyed by `branch_id` first, like schema/shard.ts.
 */

/** One row per condition per period: the stable key makes every run an idempotent upsert. */
export const findings = sqliteTable(
  "findings",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    key: text("key").notNull(),
    rule: text("rule").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    severity: text("severity", { enum: ["info", "warning", "severe"] }).notNull(),
    period: text("period").notNull(),
    dueBy: text("due_by"),
    messageZh: text("message_zh").notNull(),
    messageEn: text("message_en").notNull(),
    facts: text("facts").notNull(),
    status: text("status", { enum: ["open", "acknowledged", "resolved"] }).notNull(),
    openedAt: text("opened_at").notNull(),
    openedRun: text("opened_run").notNull(),
    lastSeenRun: text("last_seen_run").notNull(),
    lastSeenOn: text("last_seen_on").notNull(),
    acknowledgedAt: text("acknowledged_at"),
    acknowledgedBy: text("acknowledged_by"),
    resolvedAt: text("resolved_at"),
    resolvedBy: text("resolved_by"),
    /** the run that found the condition gone, when it cleared itself */
    resolvedRun: text("resolved_run"),
    /** `cleared` when a run found the condition gone, `manual` when a person resolved it */
    resolution: text("resolution"),
    note: text("note"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    uniqueIndex("findings_key_uq").on(t.branchId, t.key),
    index("findings_status_idx").on(t.branchId, t.status, t.id),
    index("findings_district_idx").on(t.districtId, t.status, t.id),
  ],
);

/** Where a branch wants its findings and digest POSTed; the secret is sealed like personal data. */
export const webhooks = sqliteTable("webhooks", {
  branchId: text("branch_id").primaryKey(),
  districtId: text("district_id").notNull(),
  url: text("url").notNull(),
  secretEnc: text("secret_enc").notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
  version: integer("version").notNull().default(1),
});

/**
 * The outbox: a delivery is written in the same transaction as what it announces and stays until
 * the receiver acknowledges it with a 2xx, however long the receiver is down.
 */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    /** what the delivery announces, unique per branch: `finding.opened:<key>`, `digest:<date>` */
    dedupeKey: text("dedupe_key").notNull(),
    event: text("event").notNull(),
    payload: text("payload").notNull(),
    status: text("status", { enum: ["pending", "delivered"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    createdAt: text("created_at").notNull(),
    deliveredAt: text("delivered_at"),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    uniqueIndex("webhook_deliveries_dedupe_uq").on(t.branchId, t.dedupeKey),
    index("webhook_deliveries_pending_idx").on(t.status, t.nextAttemptAt),
  ],
);
