import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { eventLog, generationTable, idempotencyLog, writeGuard } from "./events";

/** The control plane: who the tenants are, where their data lives, and who may act on them. */

export const districts = sqliteTable("districts", {
  id: text("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  timeZone: text("time_zone").notNull(),
  shard: integer("shard").notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
  version: integer("version").notNull().default(1),
});

export const branches = sqliteTable(
  "branches",
  {
    id: text("id").primaryKey(),
    districtId: text("district_id")
      .notNull()
      .references(() => districts.id),
    parentId: text("parent_id"),
    /** materialized org-tree path, `/<root>/…/<self>/` */
    path: text("path").notNull(),
    kind: text("kind", { enum: ["branch", "general_branch", "committee"] }).notNull(),
    name: text("name").notNull(),
    foundedOn: text("founded_on").notNull(),
    /**
     * The first day the branch's records on the platform are complete: nothing before it is judged
     * (docs/adoption.md). The day it was created, unless the district says otherwise.
     */
    recordsFrom: text("records_from").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("branches_district_idx").on(t.districtId, t.id),
    index("branches_path_idx").on(t.path),
    // the reports list a district's branches in tree order from this index alone
    index("branches_district_tree_idx").on(
      t.districtId,
      t.path,
      t.id,
      t.parentId,
      t.kind,
      t.name,
      t.foundedOn,
      t.recordsFrom,
    ),
    uniqueIndex("branches_district_name_uq").on(t.districtId, t.name),
  ],
);

export const principals = sqliteTable(
  "principals",
  {
    id: text("id").primaryKey(),
    role: text("role", {
      enum: ["platform_admin", "district_admin", "branch_admin", "member", "auditor"],
    }).notNull(),
    districtId: text("district_id"),
    branchId: text("branch_id"),
    memberId: text("member_id"),
    /** auditors: JSON array of district ids in scope; null = every district */
    auditDistricts: text("audit_districts"),
    label: text("label").notNull(),
    createdAt: text("created_at").notNull(),
    createdBy: text("created_by").notNull(),
  },
  (t) => [index("principals_branch_idx").on(t.branchId), index("principals_district_idx").on(t.districtId)],
);

export const apiKeys = sqliteTable("api_keys", {
  id: text("id").primaryKey(),
  principalId: text("principal_id")
    .notNull()
    .references(() => principals.id),
  /** SHA-256 of the key, hex; the key itself is shown once and never stored */
  hash: text("hash").notNull().unique(),
  /** the first characters, so a holder can recognise a key in lists */
  prefix: text("prefix").notNull(),
  createdAt: text("created_at").notNull(),
  revokedAt: text("revoked_at"),
  revokedBy: text("revoked_by"),
});

export const ruleSets = sqliteTable(
  "rule_sets",
  {
    districtId: text("district_id").notNull(),
    module: text("module").notNull(),
    version: integer("version").notNull(),
    body: text("body").notNull(),
    createdAt: text("created_at").notNull(),
    createdBy: text("created_by").notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.module, t.version] })],
);

/** Official holidays and make-up workdays entered by a platform admin, over the bundled calendar. */
export const calendarDays = sqliteTable("calendar_days", {
  date: text("date").primaryKey(),
  kind: text("kind", { enum: ["holiday", "workday"] }).notNull(),
  name: text("name"),
  updatedAt: text("updated_at").notNull(),
});

/** A transfer letter spans two tenants, possibly two shards, so it lives in the control plane. */
export const transfers = sqliteTable(
  "transfers",
  {
    id: text("id").primaryKey(),
    memberId: text("member_id").notNull(),
    memberName: text("member_name").notNull(),
    fromDistrictId: text("from_district_id").notNull(),
    fromBranchId: text("from_branch_id").notNull(),
    toDistrictId: text("to_district_id").notNull(),
    toBranchId: text("to_branch_id").notNull(),
    /**
     * pending → accepting → accepted; pending → cancelled | expired; accepting → pending (an accept
     * that failed is rolled back) or → cancelled (a stuck accept withdrawn by the sending side).
     */
    status: text("status", { enum: ["pending", "accepting", "accepted", "cancelled", "expired"] }).notNull(),
    issuedOn: text("issued_on").notNull(),
    expiresOn: text("expires_on").notNull(),
    note: text("note"),
    createdAt: text("created_at").notNull(),
    createdBy: text("created_by").notNull(),
    acceptedAt: text("accepted_at"),
    acceptedBy: text("accepted_by"),
    /** the request that holds an accept in progress, and since when: a claim older than its lease may be taken over */
    claimId: text("claim_id"),
    claimedAt: text("claimed_at"),
    cancelledAt: text("cancelled_at"),
    cancelledBy: text("cancelled_by"),
    cancelReason: text("cancel_reason"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("transfers_from_idx").on(t.fromBranchId, t.id),
    index("transfers_to_idx").on(t.toBranchId, t.id),
    index("transfers_pending_idx").on(t.status, t.expiresOn),
    // one open letter per member, whoever issues it and however many requests race
    uniqueIndex("transfers_open_member_uq")
      .on(t.memberId)
      .where(sql`${t.status} IN ('pending', 'accepting')`),
  ],
);

/**
 * The platform's register of persons: one row per identity number (its keyed hash, never the
 * number), naming the member record that holds the person's one current place on a roll. Shards
 * hold the members; this index lets any branch's write see a person held anywhere else. The shard
 * is the truth: a row whose member has left (or never landed) is stale and is taken over.
 */
export const persons = sqliteTable(
  "persons",
  {
    idHash: text("id_hash").primaryKey(),
    memberId: text("member_id").notNull(),
    districtId: text("district_id").notNull(),
    branchId: text("branch_id").notNull(),
    claimedAt: text("claimed_at").notNull(),
  },
  (t) => [index("persons_member_idx").on(t.memberId)],
);

export const directoryEvents = eventLog("directory_events");
export const directoryIdempotency = idempotencyLog("directory_idempotency");
export const directoryGuard = writeGuard("write_guard");
export const directoryGenerations = generationTable("district_generations");

/** A run of the audit over every branch (cron or on demand). Its progress is summed from the rows below. */
export const auditRuns = sqliteTable("audit_runs", {
  id: text("id").primaryKey(),
  date: text("date").notNull(),
  trigger: text("trigger", { enum: ["cron", "manual"] }).notNull(),
  /** set only when the run cannot finish (a batch landed in the dead-letter queue) */
  failure: text("failure"),
  shardCount: integer("shard_count").notNull(),
  districtId: text("district_id"),
  createdAt: text("created_at").notNull(),
  createdBy: text("created_by").notNull(),
});

/**
 * One page of branches a planner message enqueued. Inserted once per (run, shard, page) whatever
 * the redeliveries, so the totals summed from it are exact.
 */
export const auditRunPages = sqliteTable(
  "audit_run_pages",
  {
    runId: text("run_id").notNull(),
    shard: integer("shard").notNull(),
    afterId: text("after_id").notNull(),
    branches: integer("branches").notNull(),
    batches: integer("batches").notNull(),
    last: integer("last", { mode: "boolean" }).notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.shard, t.afterId] })],
);

/** One evaluated batch of branches, recorded once however often the message is delivered. */
export const auditRunBatches = sqliteTable(
  "audit_run_batches",
  {
    runId: text("run_id").notNull(),
    batchKey: text("batch_key").notNull(),
    branches: integer("branches").notNull(),
    findingsOpened: integer("findings_opened").notNull(),
    findingsResolved: integer("findings_resolved").notNull(),
    queries: integer("queries").notNull(),
    doneAt: text("done_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.batchKey] })],
);

/**
 * The last head of each branch's event chain a daily audit saw intact: a witness kept outside the
 * shard, so a chain cut at its end, or rewritten with recomputed hashes, no longer matches it.
 * It only moves forward, and only over a chain that still holds at the previous witness.
 */
export const chainAnchors = sqliteTable("chain_anchors", {
  scopeId: text("scope_id").primaryKey(),
  districtId: text("district_id").notNull(),
  seq: integer("seq").notNull(),
  hash: text("hash").notNull(),
  anchoredAt: text("anchored_at").notNull(),
});

/**
 * A person who signs in. The account holds a principal of its own (role and scope), so a session
 * resolves to exactly what a key resolves to. Only a slow hash of the password is kept, with its
 * algorithm and parameters in the string, so the cost can be raised and old hashes upgraded at the
 * next sign-in.
 */
export const accounts = sqliteTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    principalId: text("principal_id")
      .notNull()
      .references(() => principals.id),
    /** lower case; what a person types in 账号 */
    login: text("login").notNull(),
    displayName: text("display_name").notNull(),
    phoneEnc: text("phone_enc"),
    phoneMasked: text("phone_masked"),
    /** `pbkdf2-sha256$<iterations>$<salt>$<hash>` */
    passwordHash: text("password_hash").notNull(),
    /** an initial or reset password: the holder may only change it */
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull(),
    /** failed sign-ins in the current window, and when the window began */
    failures: integer("failures").notNull().default(0),
    failureWindowAt: text("failure_window_at"),
    lockedUntil: text("locked_until"),
    lastLoginAt: text("last_login_at"),
    passwordChangedAt: text("password_changed_at"),
    disabledAt: text("disabled_at"),
    disabledBy: text("disabled_by"),
    createdAt: text("created_at").notNull(),
    createdBy: text("created_by").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("accounts_login_uq").on(t.login),
    uniqueIndex("accounts_principal_uq").on(t.principalId),
  ],
);

/**
 * A signed-in browser. Only the SHA-256 of the session id is stored; the id itself lives in the
 * person's cookie. Ended sessions stay as a record of when and why they ended.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    createdAt: text("created_at").notNull(),
    /** the idle clock: refreshed at most every few minutes, not on every request */
    seenAt: text("seen_at").notNull(),
    endedAt: text("ended_at"),
    endReason: text("end_reason", {
      enum: ["logout", "password_changed", "password_reset", "account_disabled"],
    }),
  },
  (t) => [index("sessions_account_idx").on(t.accountId, t.endedAt)],
);
