import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * Tables of the branch practices (shard side, keyed `branch_id` first like schema/shard.ts):
 * community and volunteer service (owned by the onboarding worker, since service is development
 * evidence), study reflections (the study worker) and committee elections (the api worker, which
 * owns the committee). docs/domain.md §Branch practices.
 */

/** A person registered with a community or village (双报到) or a volunteer team. */
export const serviceRegistrations = sqliteTable(
  "service_registrations",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    memberId: text("member_id").notNull(),
    kind: text("kind", { enum: ["community", "volunteer"] }).notNull(),
    /** the community, village or volunteer team */
    organization: text("organization").notNull(),
    /** the contact there who confirms sessions */
    contactName: text("contact_name"),
    registeredOn: text("registered_on").notNull(),
    endedOn: text("ended_on"),
    recordedAt: text("recorded_at").notNull(),
    recordedBy: text("recorded_by").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    // one active registration per person and kind
    uniqueIndex("service_registrations_active_uq")
      .on(t.branchId, t.memberId, t.kind)
      .where(sql`${t.endedOn} IS NULL`),
  ],
);

/**
 * A service session: dated, counted in hours, and confirmed by the community's contact with the
 * one-time code issued for it (only its SHA-256 is kept). Only confirmed hours count anywhere.
 */
export const serviceSessions = sqliteTable(
  "service_sessions",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    registrationId: text("registration_id").notNull(),
    memberId: text("member_id").notNull(),
    kind: text("kind", { enum: ["community", "volunteer"] }).notNull(),
    servedOn: text("served_on").notNull(),
    hours: real("hours").notNull(),
    description: text("description").notNull(),
    status: text("status", { enum: ["pending", "confirmed"] }).notNull(),
    codeHash: text("code_hash").notNull(),
    codeExpiresOn: text("code_expires_on").notNull(),
    confirmedAt: text("confirmed_at"),
    confirmedBy: text("confirmed_by"),
    recordedAt: text("recorded_at").notNull(),
    recordedBy: text("recorded_by").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    uniqueIndex("service_sessions_code_uq").on(t.codeHash),
    index("service_sessions_member_idx").on(t.branchId, t.memberId, t.servedOn),
  ],
);

/** 学习体会: a member's reflection on a study material or a meeting; the secretary may feature it. */
export const studyReflections = sqliteTable(
  "study_reflections",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    memberId: text("member_id").notNull(),
    subjectType: text("subject_type", { enum: ["material", "meeting"] }).notNull(),
    subjectId: text("subject_id").notNull(),
    title: text("title").notNull(),
    text: text("text").notNull(),
    submittedAt: text("submitted_at").notNull(),
    featuredAt: text("featured_at"),
    featuredBy: text("featured_by"),
    /** points the feature earned (by the study rule set's `reflection` kind), once */
    awarded: integer("awarded").notNull().default(0),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    // one reflection per member per subject
    uniqueIndex("study_reflections_subject_uq").on(t.branchId, t.memberId, t.subjectType, t.subjectId),
    index("study_reflections_featured_idx").on(t.districtId, t.featuredAt),
  ],
);

/** 换届选举: a recorded election of the branch committee, immutable; it set the committee and term. */
export const committeeElections = sqliteTable(
  "committee_elections",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    heldOn: text("held_on").notNull(),
    expectedVoters: integer("expected_voters").notNull(),
    presentVoters: integer("present_voters").notNull(),
    seats: integer("seats").notNull(),
    /** JSON: [{ memberId, votes, elected }] */
    candidates: text("candidates").notNull(),
    termStart: text("term_start").notNull(),
    termEnd: text("term_end").notNull(),
    ruleSetVersion: integer("rule_set_version").notNull(),
    recordedAt: text("recorded_at").notNull(),
    recordedBy: text("recorded_by").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    index("committee_elections_held_idx").on(t.branchId, t.heldOn),
  ],
);
