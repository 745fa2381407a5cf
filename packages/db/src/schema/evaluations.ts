import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * Tables owned by the evaluations worker (shard side). Every table carries `district_id` and `branch_id`
 * and is keyed by `branch_id` first, like schema/shard.ts — except the district's inspection
 * templates, which belong to no branch and are keyed by `district_id` in the district's shard.
 * Scores are kept to one decimal as REAL; grades, statuses and kinds are the domain's codes.
 */

/** Each version is a row of its own and never changes: an inspection points at the version it used. */
export const inspectionTemplates = sqliteTable(
  "inspection_templates",
  {
    districtId: text("district_id").notNull(),
    id: text("id").notNull(),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    /** JSON array of `{ code, title, maxScore, ownerPost }` */
    items: text("items").notNull(),
    maxTotal: real("max_total").notNull(),
    createdAt: text("created_at").notNull(),
    createdBy: text("created_by").notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.id, t.version] })],
);

/**
 * A template the district no longer uses: no new inspection or version may start from it, while
 * the inspections already made on it keep it. Recorded once, with who retired it and why.
 */
export const inspectionTemplateRetirements = sqliteTable(
  "inspection_template_retirements",
  {
    districtId: text("district_id").notNull(),
    templateId: text("template_id").notNull(),
    reason: text("reason").notNull(),
    retiredAt: text("retired_at").notNull(),
    retiredBy: text("retired_by").notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.templateId] })],
);

/** A branch's quarterly inspection: draft (self-assessment) → submitted → reviewed (frozen). */
export const inspections = sqliteTable(
  "inspections",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    period: text("period").notNull(),
    templateId: text("template_id").notNull(),
    templateVersion: integer("template_version").notNull(),
    templateName: text("template_name").notNull(),
    status: text("status", { enum: ["draft", "submitted", "reviewed"] }).notNull(),
    maxTotal: real("max_total").notNull(),
    selfTotal: real("self_total"),
    finalTotal: real("final_total"),
    grade: text("grade"),
    /** the evaluations rule-set version the grade band came from (0 = defaults) */
    ruleSetVersion: integer("rule_set_version"),
    reviewComment: text("review_comment"),
    submittedAt: text("submitted_at"),
    submittedBy: text("submitted_by"),
    reviewedAt: text("reviewed_at"),
    reviewedBy: text("reviewed_by"),
    createdAt: text("created_at").notNull(),
    createdBy: text("created_by").notNull(),
    updatedAt: text("updated_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    uniqueIndex("inspections_period_uq").on(t.branchId, t.period),
    index("inspections_district_idx").on(t.districtId, t.period, t.status),
  ],
);

/**
 * One checklist line of an inspection, copied from the template version, with the branch's
 * self-assessment and the district's final word. After review a line that lost points names the
 * member who answers for it; name and post are kept as they were then.
 */
export const inspectionItems = sqliteTable(
  "inspection_items",
  {
    branchId: text("branch_id").notNull(),
    inspectionId: text("inspection_id").notNull(),
    code: text("code").notNull(),
    districtId: text("district_id").notNull(),
    period: text("period").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    maxScore: real("max_score").notNull(),
    ownerPost: text("owner_post"),
    selfScore: real("self_score"),
    evidence: text("evidence"),
    selfReason: text("self_reason"),
    /** the member the branch named as responsible in its self-assessment */
    nomineeId: text("nominee_id"),
    finalScore: real("final_score"),
    deducted: real("deducted"),
    deductionReason: text("deduction_reason"),
    responsibleMemberId: text("responsible_member_id"),
    responsibleName: text("responsible_name"),
    responsiblePost: text("responsible_post"),
    responsibleVia: text("responsible_via"),
    reviewedAt: text("reviewed_at"),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.inspectionId, t.code] }),
    index("inspection_items_responsible_idx")
      .on(t.districtId, t.responsibleMemberId, t.period)
      .where(sql`${t.responsibleMemberId} IS NOT NULL`),
  ],
);

/** 一岗双责: a committee member's task for a month. Overdue is derived from `due_on`, not stored. */
export const dutyTasks = sqliteTable(
  "duty_tasks",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    assigneeId: text("assignee_id").notNull(),
    month: text("month").notNull(),
    title: text("title").notNull(),
    detail: text("detail"),
    dueOn: text("due_on").notNull(),
    status: text("status", { enum: ["open", "completed", "verified"] }).notNull(),
    completedOn: text("completed_on"),
    completionNote: text("completion_note"),
    completedBy: text("completed_by"),
    verifiedAt: text("verified_at"),
    verifiedBy: text("verified_by"),
    verificationNote: text("verification_note"),
    /** why the last verification sent the task back, if it did */
    returnedNote: text("returned_note"),
    createdAt: text("created_at").notNull(),
    createdBy: text("created_by").notNull(),
    updatedAt: text("updated_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    index("duty_tasks_month_idx").on(t.branchId, t.month, t.id),
    index("duty_tasks_assignee_idx").on(t.branchId, t.assigneeId, t.month),
    index("duty_tasks_status_idx").on(t.branchId, t.status, t.dueOn),
  ],
);

/**
 * 写实: append-only. A correction is a new row naming the row it corrects; the unique index lets a
 * row be corrected once, so corrections form one chain from the original to the latest.
 */
export const workRecords = sqliteTable(
  "work_records",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    /** null for a record of the branch's own work */
    memberId: text("member_id"),
    kind: text("kind").notNull(),
    occurredOn: text("occurred_on").notNull(),
    content: text("content").notNull(),
    correctsId: text("corrects_id"),
    recordedAt: text("recorded_at").notNull(),
    recordedBy: text("recorded_by").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    uniqueIndex("work_records_corrects_uq")
      .on(t.branchId, t.correctsId)
      .where(sql`${t.correctsId} IS NOT NULL`),
    index("work_records_member_idx").on(t.branchId, t.memberId, t.id),
  ],
);

/** 民主评议: one per branch and year. */
export const appraisals = sqliteTable(
  "appraisals",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    year: integer("year").notNull(),
    status: text("status", { enum: ["open", "finalized"] }).notNull(),
    appraised: integer("appraised"),
    excellentLimit: integer("excellent_limit"),
    ruleSetVersion: integer("rule_set_version"),
    openedAt: text("opened_at").notNull(),
    openedBy: text("opened_by").notNull(),
    finalizedAt: text("finalized_at"),
    finalizedBy: text("finalized_by"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    uniqueIndex("appraisals_year_uq").on(t.branchId, t.year),
  ],
);

/**
 * The roll of an appraisal and each member's grade. The mutual columns are the ballot box: counts
 * per grade, raised by one per ballot, never a row per ballot (nothing to order or link to a
 * voter), and shown only once the appraisal is finalized.
 */
export const appraisalGrades = sqliteTable(
  "appraisal_grades",
  {
    branchId: text("branch_id").notNull(),
    appraisalId: text("appraisal_id").notNull(),
    memberId: text("member_id").notNull(),
    districtId: text("district_id").notNull(),
    year: integer("year").notNull(),
    grade: text("grade"),
    selfGrade: text("self_grade"),
    comment: text("comment"),
    gradedAt: text("graded_at"),
    gradedBy: text("graded_by"),
    mutualExcellent: integer("mutual_excellent"),
    mutualQualified: integer("mutual_qualified"),
    mutualBasicallyQualified: integer("mutual_basically_qualified"),
    mutualUnqualified: integer("mutual_unqualified"),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.appraisalId, t.memberId] })],
);

/**
 * Mutual assessment (互评): that a member voted on another, and nothing of what they voted (the
 * ballot went into the counts on the ratee's line). One row per rater and ratee: a ballot is final.
 */
export const appraisalVoters = sqliteTable(
  "appraisal_voters",
  {
    branchId: text("branch_id").notNull(),
    appraisalId: text("appraisal_id").notNull(),
    rateeId: text("ratee_id").notNull(),
    raterId: text("rater_id").notNull(),
    districtId: text("district_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.appraisalId, t.rateeId, t.raterId] })],
);

/** 书记述职述廉: one per branch and year, rated by the district. */
export const secretaryReports = sqliteTable(
  "secretary_reports",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    year: integer("year").notNull(),
    secretaryId: text("secretary_id").notNull(),
    secretaryName: text("secretary_name").notNull(),
    deliveredOn: text("delivered_on").notNull(),
    dutyReport: text("duty_report").notNull(),
    integrityReport: text("integrity_report").notNull(),
    status: text("status", { enum: ["submitted", "reviewed"] }).notNull(),
    rating: text("rating"),
    reviewComment: text("review_comment"),
    reviewedAt: text("reviewed_at"),
    reviewedBy: text("reviewed_by"),
    createdAt: text("created_at").notNull(),
    createdBy: text("created_by").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    uniqueIndex("secretary_reports_year_uq").on(t.branchId, t.year),
  ],
);

/** 党员示范岗: nominated by the branch, named by the district. */
export const modelPosts = sqliteTable(
  "model_posts",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    memberId: text("member_id").notNull(),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    commitment: text("commitment").notNull(),
    status: text("status", { enum: ["nominated", "awarded"] }).notNull(),
    nominatedAt: text("nominated_at").notNull(),
    nominatedBy: text("nominated_by").notNull(),
    awardedOn: text("awarded_on"),
    awardedBy: text("awarded_by"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    uniqueIndex("model_posts_member_year_uq").on(t.branchId, t.memberId, t.year),
    index("model_posts_district_idx").on(t.districtId, t.year, t.status),
  ],
);

/** 亮身份、亮业绩、争先进 awards, by the branch or the district. */
export const awards = sqliteTable(
  "awards",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    memberId: text("member_id").notNull(),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    level: text("level", { enum: ["branch", "district"] }).notNull(),
    citation: text("citation").notNull(),
    awardedOn: text("awarded_on").notNull(),
    awardedBy: text("awarded_by").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    uniqueIndex("awards_member_title_uq").on(t.branchId, t.memberId, t.year, t.title),
    index("awards_district_idx").on(t.districtId, t.year),
  ],
);
