import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * Tables owned by the study worker (shard side). Every table carries `district_id` and `branch_id`
 * and is keyed by `branch_id` first, like schema/shard.ts.
 */

/** Every study activity as recorded, with what it earned: the evidence behind the aggregates. */
export const studyActivities = sqliteTable(
  "study_activities",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    memberId: text("member_id").notNull(),
    kind: text("kind").notNull(),
    occurredAt: text("occurred_at").notNull(),
    /** local date in the district's time zone */
    day: text("day").notNull(),
    durationSec: integer("duration_sec"),
    units: integer("units"),
    ref: text("ref"),
    awarded: integer("awarded").notNull(),
    deducted: integer("deducted").notNull(),
    capped: integer("capped", { mode: "boolean" }).notNull(),
    /** JSON array of flags (`rate_exceeded`, …) or null */
    flags: text("flags"),
    ruleVersion: integer("rule_version").notNull(),
    recordedBy: text("recorded_by").notNull(),
    recordedAt: text("recorded_at").notNull(),
    /** `earned` through the study library, `claimed` when a client posted it */
    source: text("source", { enum: ["earned", "claimed"] })
      .notNull()
      .default("claimed"),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    index("study_activities_member_idx").on(t.branchId, t.memberId, t.day),
  ],
);

/**
 * One row per member per day: points and units per kind, the rule-set version the day is scored
 * with, and what the next activity's checks need. Reads never go below this table.
 */
export const studyDays = sqliteTable(
  "study_days",
  {
    branchId: text("branch_id").notNull(),
    memberId: text("member_id").notNull(),
    day: text("day").notNull(),
    districtId: text("district_id").notNull(),
    ruleVersion: integer("rule_version").notNull(),
    points: integer("points").notNull(),
    deducted: integer("deducted").notNull(),
    /** of `points`, those earned in the study library; the rest were claimed */
    earned: integer("earned").notNull().default(0),
    flagged: integer("flagged").notNull(),
    activities: integer("activities").notNull(),
    classSeconds: integer("class_seconds").notNull(),
    /** JSON `{ kind: { points, units, seconds, count } }` */
    kinds: text("kinds").notNull(),
    /** JSON array of `kind:ref` already scored today */
    refs: text("refs").notNull(),
    /** JSON array of the latest activity timestamps (epoch seconds) */
    recent: text("recent").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.memberId, t.day] }),
    index("study_days_by_day_idx").on(t.branchId, t.day),
  ],
);

/**
 * A member's totals per period (`2026-11-27`, `2026-W48`, `2026-11`, `2026`) earned in this branch,
 * kept on write so a branch leaderboard reads one row per member whatever the period.
 */
export const studyMemberPeriods = sqliteTable(
  "study_member_periods",
  {
    branchId: text("branch_id").notNull(),
    period: text("period").notNull(),
    memberId: text("member_id").notNull(),
    districtId: text("district_id").notNull(),
    points: integer("points").notNull(),
    activities: integer("activities").notNull(),
    activeDays: integer("active_days").notNull(),
    /** of the points and activities, those earned in the study library */
    earned: integer("earned").notNull().default(0),
    earnedActivities: integer("earned_activities").notNull().default(0),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.period, t.memberId] })],
);

/**
 * A branch's totals per period, kept on write so a district leaderboard reads one row per branch.
 * `members` is the roll of party members when the branch last recorded activity in the period.
 */
export const studyBranchPeriods = sqliteTable(
  "study_branch_periods",
  {
    branchId: text("branch_id").notNull(),
    period: text("period").notNull(),
    districtId: text("district_id").notNull(),
    points: integer("points").notNull(),
    activities: integer("activities").notNull(),
    activeMembers: integer("active_members").notNull(),
    members: integer("members").notNull(),
    /** of the totals, the study library's: earned points, activities, members active there */
    earned: integer("earned").notNull().default(0),
    earnedActivities: integer("earned_activities").notNull().default(0),
    earnedActiveMembers: integer("earned_active_members").notNull().default(0),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.period] }),
    index("study_branch_periods_district_idx").on(t.districtId, t.period, t.branchId),
  ],
);

/**
 * The district's study library (docs/domain.md §Study library), kept in its shard beside the
 * branches that read it. A material is never edited: a district retires it and publishes another.
 * A quiz's answers are stored here and leave the server only to the district that wrote them.
 */
export const studyMaterials = sqliteTable(
  "study_materials",
  {
    districtId: text("district_id").notNull(),
    id: text("id").notNull(),
    kind: text("kind", { enum: ["article", "video", "quiz"] }).notNull(),
    title: text("title").notNull(),
    summary: text("summary"),
    /** JSON array of tags */
    tags: text("tags").notNull(),
    /** the first day members see it, in the district's time zone */
    publishOn: text("publish_on").notNull(),
    /** articles: the text and its readable characters */
    body: text("body"),
    chars: integer("chars"),
    /** videos: where it plays and how long it runs */
    url: text("url"),
    durationSec: integer("duration_sec"),
    /** articles and videos: how long a reading ticket waits before it can be redeemed */
    minSec: integer("min_sec"),
    /** whether the publisher set `min_sec` (else it came from the text's length) */
    minSecSet: integer("min_sec_set", { mode: "boolean" }),
    /** quizzes: JSON questions with options and answers, and the activity kind they score as */
    quiz: text("quiz"),
    quizKind: text("quiz_kind"),
    questions: integer("questions"),
    createdAt: text("created_at").notNull(),
    createdBy: text("created_by").notNull(),
    retiredAt: text("retired_at"),
    retiredBy: text("retired_by"),
    retireReason: text("retire_reason"),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    index("study_materials_published_idx").on(t.districtId, t.publishOn, t.id),
  ],
);

/**
 * Reading tickets: issued when a member opens an article or a video, redeemed once. A redeemed
 * ticket keeps what it earned; `outcome` is `credited` for the day's first read of a material
 * (at most one a day, the unique index guards it) or `repeat` for a later one that earned nothing.
 */
export const studyTickets = sqliteTable(
  "study_tickets",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    memberId: text("member_id").notNull(),
    materialId: text("material_id").notNull(),
    issuedAt: text("issued_at").notNull(),
    redeemableAt: text("redeemable_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    redeemedAt: text("redeemed_at"),
    /** the day the read counted for, in the district's time zone */
    redeemedDay: text("redeemed_day"),
    outcome: text("outcome", { enum: ["credited", "repeat"] }),
    awarded: integer("awarded"),
    /** JSON array of the study activities the redemption recorded */
    activityIds: text("activity_ids"),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    index("study_tickets_member_idx").on(t.branchId, t.memberId, t.redeemedAt, t.expiresAt),
    uniqueIndex("study_tickets_credited_idx")
      .on(t.branchId, t.memberId, t.materialId, t.redeemedDay)
      .where(sql`outcome = 'credited'`),
  ],
);

/**
 * A member's graded answers to a quiz: one per member and quiz (the key refuses a second), with
 * what they picked and which questions were right, for the member's own view.
 */
export const studyQuizSubmissions = sqliteTable(
  "study_quiz_submissions",
  {
    branchId: text("branch_id").notNull(),
    materialId: text("material_id").notNull(),
    memberId: text("member_id").notNull(),
    districtId: text("district_id").notNull(),
    submittedAt: text("submitted_at").notNull(),
    day: text("day").notNull(),
    correct: integer("correct").notNull(),
    total: integer("total").notNull(),
    awarded: integer("awarded").notNull(),
    activityId: text("activity_id").notNull(),
    /** JSON: the answers as sent, and `{ questionId, correct }` per question */
    answers: text("answers").notNull(),
    results: text("results").notNull(),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.materialId, t.memberId] })],
);

/**
 * 三会一课 and the other meetings as they now stand. A mistake is mended by a correction with a
 * reason: the version it replaces is kept whole in `meeting_revisions` and both are in the event
 * log, so nothing recorded is ever lost (全程纪实).
 */
export const meetings = sqliteTable(
  "meetings",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    kind: text("kind", {
      enum: ["general_assembly", "committee", "group", "lecture", "theme_day", "life_meeting"],
    }).notNull(),
    heldOn: text("held_on").notNull(),
    topic: text("topic").notNull(),
    /** class hours credited to each attendee */
    hours: real("hours").notNull(),
    minutes: text("minutes"),
    lecturerId: text("lecturer_id"),
    /** the lecturer's committee post on the day it was recorded (书记讲党课) */
    lecturerPost: text("lecturer_post"),
    present: integer("present").notNull(),
    absent: integer("absent").notNull(),
    committeeSize: integer("committee_size"),
    committeePresent: integer("committee_present"),
    recordedBy: text("recorded_by").notNull(),
    recordedAt: text("recorded_at").notNull(),
    /** 0 as first recorded; each correction adds one */
    revision: integer("revision").notNull().default(0),
    /** SHA-256 of the history file the meeting was imported from; null when recorded live */
    importedFrom: text("imported_from"),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    index("meetings_held_on_idx").on(t.branchId, t.heldOn, t.id),
  ],
);

/** Each version of a meeting a correction replaced, whole, with who corrected it and why. */
export const meetingRevisions = sqliteTable(
  "meeting_revisions",
  {
    branchId: text("branch_id").notNull(),
    meetingId: text("meeting_id").notNull(),
    /** the revision this row preserves */
    revision: integer("revision").notNull(),
    districtId: text("district_id").notNull(),
    /** the meeting with its attendees and absentees as they stood (JSON) */
    body: text("body").notNull(),
    reason: text("reason").notNull(),
    correctedBy: text("corrected_by").notNull(),
    correctedAt: text("corrected_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.meetingId, t.revision] })],
);

/** Who attended a meeting and who was absent (with the reason): a member's record, it travels. */
export const meetingAttendance = sqliteTable(
  "meeting_attendance",
  {
    branchId: text("branch_id").notNull(),
    meetingId: text("meeting_id").notNull(),
    memberId: text("member_id").notNull(),
    districtId: text("district_id").notNull(),
    kind: text("kind").notNull(),
    heldOn: text("held_on").notNull(),
    present: integer("present", { mode: "boolean" }).notNull(),
    reason: text("reason"),
    hours: real("hours").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.meetingId, t.memberId] }),
    index("meeting_attendance_member_idx").on(t.branchId, t.memberId, t.heldOn),
  ],
);
