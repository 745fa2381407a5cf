import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * Tables owned by the onboarding worker (shard side). Every table carries `district_id` and `branch_id`
 * and is keyed by `branch_id` first, like schema/shard.ts. All of them belong to a member and travel
 * with them on a transfer (onboarding/member-records.ts).
 */

/** A person's development case (发展党员): where it stands and the facts its steps established. */
export const developmentCases = sqliteTable(
  "development_cases",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    memberId: text("member_id").notNull(),
    stage: text("stage", {
      enum: ["applicant", "activist", "candidate", "probationary", "full", "closed"],
    }).notNull(),
    appliedOn: text("applied_on").notNull(),
    /** probation cycle: 0, +1 for each approved extension */
    cycle: integer("cycle").notNull().default(0),
    probationEndsOn: text("probation_ends_on"),
    extensionsApproved: integer("extensions_approved").notNull().default(0),
    fullOn: text("full_on"),
    closedOn: text("closed_on"),
    closedReason: text("closed_reason"),
    lastStep: text("last_step").notNull(),
    lastStepOn: text("last_step_on").notNull(),
    stepCount: integer("step_count").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    // one open case per person; a closed one may be followed by a new application
    uniqueIndex("development_cases_open_uq").on(t.branchId, t.memberId).where(sql`${t.stage} <> 'closed'`),
    index("development_cases_stage_idx").on(t.branchId, t.stage, t.id),
  ],
);

/** Every recorded step, append-only (全程纪实): its data, documents, warnings and rule-set version. */
export const developmentSteps = sqliteTable(
  "development_steps",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    caseId: text("case_id").notNull(),
    memberId: text("member_id").notNull(),
    /** recording order within the case, from 1 */
    seq: integer("seq").notNull(),
    step: text("step").notNull(),
    cycle: integer("cycle").notNull(),
    occurredOn: text("occurred_on").notNull(),
    /** JSON: the step's data */
    data: text("data").notNull(),
    /** JSON: [{ title, ref? }] */
    documents: text("documents").notNull(),
    note: text("note"),
    /** JSON: the warnings (late steps) the record carries */
    warnings: text("warnings").notNull(),
    ruleSetVersion: integer("rule_set_version").notNull(),
    recordedAt: text("recorded_at").notNull(),
    recordedBy: text("recorded_by").notNull(),
    recordedRole: text("recorded_role").notNull(),
    /**
     * SHA-256 of the history file the step was imported from: a step taken before the branch came
     * to the platform, recorded as history and not judged by the gates; null when recorded live
     */
    importedFrom: text("imported_from"),
    /**
     * JSON: what the recorder saw beside the step's data, kept as it was (a cultivation review's
     * confirmed service hours in its period); null for steps that carry none
     */
    facts: text("facts"),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    uniqueIndex("development_steps_seq_uq").on(t.branchId, t.caseId, t.seq),
  ],
);

/** Mass complaints (群众反映问题) about a person in the pipeline; open ones hold the gates. */
export const developmentComplaints = sqliteTable(
  "development_complaints",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    caseId: text("case_id").notNull(),
    memberId: text("member_id").notNull(),
    receivedOn: text("received_on").notNull(),
    source: text("source"),
    summary: text("summary").notNull(),
    status: text("status", { enum: ["open", "resolved"] }).notNull(),
    resolvedOn: text("resolved_on"),
    resolution: text("resolution"),
    recordedAt: text("recorded_at").notNull(),
    recordedBy: text("recorded_by").notNull(),
    resolvedAt: text("resolved_at"),
    resolvedBy: text("resolved_by"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    index("development_complaints_case_idx").on(t.branchId, t.caseId, t.status),
  ],
);

/**
 * Party disciplinary sanctions (党纪处分) on the roll. The pipeline reads them because a member under
 * 留党察看 may not introduce a candidate and has no vote.
 */
export const partySanctions = sqliteTable(
  "party_sanctions",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    memberId: text("member_id").notNull(),
    kind: text("kind", {
      enum: ["warning", "serious_warning", "removal_from_post", "probation_within_party"],
    }).notNull(),
    decidedOn: text("decided_on").notNull(),
    endsOn: text("ends_on"),
    note: text("note"),
    recordedAt: text("recorded_at").notNull(),
    recordedBy: text("recorded_by").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    index("party_sanctions_member_idx").on(t.branchId, t.memberId),
  ],
);
