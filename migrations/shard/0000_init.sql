CREATE TABLE `committee_posts` (
	`branch_id` text NOT NULL,
	`member_id` text NOT NULL,
	`post` text NOT NULL,
	`district_id` text NOT NULL,
	PRIMARY KEY(`branch_id`, `member_id`, `post`)
);
--> statement-breakpoint
CREATE TABLE `committees` (
	`branch_id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`term_start` text NOT NULL,
	`term_end` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `dues_bases` (
	`branch_id` text NOT NULL,
	`member_id` text NOT NULL,
	`year` integer NOT NULL,
	`district_id` text NOT NULL,
	`category` text NOT NULL,
	`monthly_income_fen` integer NOT NULL,
	`fixed_fen` integer,
	`monthly_due_fen` integer NOT NULL,
	`set_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`branch_id`, `member_id`, `year`)
);
--> statement-breakpoint
CREATE TABLE `dues_payments` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`member_id` text NOT NULL,
	`month` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`paid_on` text NOT NULL,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dues_payments_month_uq` ON `dues_payments` (`branch_id`,`member_id`,`month`);--> statement-breakpoint
CREATE INDEX `dues_payments_by_month_idx` ON `dues_payments` (`branch_id`,`month`);--> statement-breakpoint
CREATE TABLE `events` (
	`scope_id` text NOT NULL,
	`seq` integer NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`actor_role` text NOT NULL,
	`request_id` text NOT NULL,
	`action` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`before` text,
	`after` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	PRIMARY KEY(`scope_id`, `seq`)
);
--> statement-breakpoint
CREATE INDEX `events_subject_idx` ON `events` (`scope_id`,`subject_id`);--> statement-breakpoint
CREATE TABLE `members` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`name` text NOT NULL,
	`gender` text NOT NULL,
	`birth_date` text NOT NULL,
	`status` text NOT NULL,
	`joined_on` text,
	`id_number_enc` text,
	`id_number_hash` text,
	`id_number_masked` text,
	`phone_enc` text,
	`phone_masked` text,
	`education` text,
	`left_on` text,
	`left_reason` text,
	`transfer_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_id_number_uq` ON `members` (`branch_id`,`id_number_hash`) WHERE "members"."id_number_hash" IS NOT NULL AND "members"."left_on" IS NULL;--> statement-breakpoint
CREATE INDEX `members_status_idx` ON `members` (`branch_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `members_district_idx` ON `members` (`district_id`,`branch_id`);--> statement-breakpoint
CREATE TABLE `write_guard` (
	`id` integer PRIMARY KEY NOT NULL,
	`ok` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `idempotency` (
	`principal_id` text NOT NULL,
	`key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`status` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`principal_id`, `key`)
);
