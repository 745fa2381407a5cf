import { index, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Per-branch, per-period aggregates that reports read instead of the roll, the payments and the
 * study and meeting records: one row per branch per report period (a month, quarter or year key),
 * holding the facts for the inputs named by `fingerprint` (the day judged, the months, the records
 * start). Every write to a branch deletes its rows in the write's own batch (the write path), so a
 * row that exists is current; the next report or the nightly audit computes a missing one.
 */
export const complianceRollups = sqliteTable(
  "compliance_rollups",
  {
    branchId: text("branch_id").notNull(),
    period: text("period").notNull(),
    districtId: text("district_id").notNull(),
    fingerprint: text("fingerprint").notNull(),
    /** the ComplianceFacts as JSON */
    facts: text("facts").notNull(),
    computedAt: text("computed_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.period] }),
    // a district's report reads its rows from this index alone: one index entry per branch
    index("compliance_rollups_district_idx").on(
      t.districtId,
      t.period,
      t.branchId,
      t.fingerprint,
      t.computedAt,
      t.facts,
    ),
  ],
);
