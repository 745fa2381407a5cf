import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { eventLog, generationTable, idempotencyLog, writeGuard } from "./events";

/**
 * Tenant data. Every table carries `district_id` and `branch_id` and is keyed by branch first:
 * every tenant query is a range scan of one branch, and a member who moves to another branch is
 * copied under the new branch's key with the same ids, so history travels without collisions.
 */

export const members = sqliteTable(
  "members",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    name: text("name").notNull(),
    gender: text("gender", { enum: ["male", "female"] }).notNull(),
    birthDate: text("birth_date").notNull(),
    status: text("status", {
      enum: ["applicant", "activist", "candidate", "probationary", "full"],
    }).notNull(),
    joinedOn: text("joined_on"),
    /** the day the member came onto this branch's roll (added, or a transfer accepted): bounds their dues and study */
    joinedBranchOn: text("joined_branch_on").notNull(),
    /** AES-GCM ciphertext (`v1:<iv+ct base64>`) */
    idNumberEnc: text("id_number_enc"),
    /** HMAC of the number, to find duplicates without decrypting */
    idNumberHash: text("id_number_hash"),
    idNumberMasked: text("id_number_masked"),
    phoneEnc: text("phone_enc"),
    phoneMasked: text("phone_masked"),
    education: text("education"),
    /** set when the member left this branch (transfer out); the row stays as the branch's record */
    leftOn: text("left_on"),
    leftReason: text("left_reason"),
    transferId: text("transfer_id"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    uniqueIndex("members_id_number_uq")
      .on(t.branchId, t.idNumberHash)
      .where(sql`${t.idNumberHash} IS NOT NULL AND ${t.leftOn} IS NULL`),
    index("members_status_idx").on(t.branchId, t.status, t.id),
    index("members_district_idx").on(t.districtId, t.branchId),
  ],
);

/** A member's dues basis for one year: fixed at the start of the year (党费规定). */
export const duesBases = sqliteTable(
  "dues_bases",
  {
    branchId: text("branch_id").notNull(),
    memberId: text("member_id").notNull(),
    year: integer("year").notNull(),
    districtId: text("district_id").notNull(),
    category: text("category", {
      enum: ["employed", "retired", "farmer", "student", "unemployed", "relief"],
    }).notNull(),
    monthlyIncomeFen: integer("monthly_income_fen").notNull(),
    fixedFen: integer("fixed_fen"),
    monthlyDueFen: integer("monthly_due_fen").notNull(),
    setAt: text("set_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.memberId, t.year] })],
);

export const duesPayments = sqliteTable(
  "dues_payments",
  {
    branchId: text("branch_id").notNull(),
    id: text("id").notNull(),
    districtId: text("district_id").notNull(),
    memberId: text("member_id").notNull(),
    month: text("month").notNull(),
    amountFen: integer("amount_fen").notNull(),
    paidOn: text("paid_on").notNull(),
    recordedAt: text("recorded_at").notNull(),
    recordedBy: text("recorded_by").notNull(),
    /** SHA-256 of the history file the payment was imported from; null when recorded live */
    importedFrom: text("imported_from"),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.id] }),
    uniqueIndex("dues_payments_month_uq").on(t.branchId, t.memberId, t.month),
    index("dues_payments_by_month_idx").on(t.branchId, t.month),
  ],
);

export const committees = sqliteTable("committees", {
  branchId: text("branch_id").primaryKey(),
  districtId: text("district_id").notNull(),
  termStart: text("term_start").notNull(),
  termEnd: text("term_end").notNull(),
  updatedAt: text("updated_at").notNull(),
  version: integer("version").notNull().default(1),
});

export const committeePosts = sqliteTable(
  "committee_posts",
  {
    branchId: text("branch_id").notNull(),
    memberId: text("member_id").notNull(),
    post: text("post").notNull(),
    districtId: text("district_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.memberId, t.post] })],
);

export const events = eventLog("events");

/**
 * When each branch last did anything (any write by a person, not by the system), kept by the write
 * path so "no activity for 30 days" is one indexed read however long the log grows.
 */
export const activity = sqliteTable("activity", {
  scopeId: text("scope_id").primaryKey(),
  lastAt: text("last_at").notNull(),
  lastAction: text("last_action").notNull(),
});
export const shardIdempotency = idempotencyLog("idempotency");
export const shardGuard = writeGuard("write_guard");
export const shardGenerations = generationTable("district_generations");

export * from "./audits";
export * from "./evaluations";
export * from "./evidence";
export * from "./onboarding";
export * from "./practices";
export * from "./rollups";
export * from "./study";
