CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`principal_id` text NOT NULL,
	`hash` text NOT NULL,
	`prefix` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text,
	`revoked_by` text,
	FOREIGN KEY (`principal_id`) REFERENCES `principals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash_unique` ON `api_keys` (`hash`);--> statement-breakpoint
CREATE TABLE `branches` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`parent_id` text,
	`path` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`founded_on` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `branches_district_idx` ON `branches` (`district_id`,`id`);--> statement-breakpoint
CREATE INDEX `branches_path_idx` ON `branches` (`path`);--> statement-breakpoint
CREATE UNIQUE INDEX `branches_district_name_uq` ON `branches` (`district_id`,`name`);--> statement-breakpoint
CREATE TABLE `calendar_days` (
	`date` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `directory_events` (
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
CREATE INDEX `directory_events_subject_idx` ON `directory_events` (`scope_id`,`subject_id`);--> statement-breakpoint
CREATE TABLE `write_guard` (
	`id` integer PRIMARY KEY NOT NULL,
	`ok` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `directory_idempotency` (
	`principal_id` text NOT NULL,
	`key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`status` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`principal_id`, `key`)
);
--> statement-breakpoint
CREATE TABLE `districts` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`time_zone` text NOT NULL,
	`shard` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `districts_code_unique` ON `districts` (`code`);--> statement-breakpoint
CREATE TABLE `principals` (
	`id` text PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`district_id` text,
	`branch_id` text,
	`member_id` text,
	`audit_districts` text,
	`label` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `principals_branch_idx` ON `principals` (`branch_id`);--> statement-breakpoint
CREATE INDEX `principals_district_idx` ON `principals` (`district_id`);--> statement-breakpoint
CREATE TABLE `rule_sets` (
	`district_id` text NOT NULL,
	`module` text NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	PRIMARY KEY(`district_id`, `module`, `version`)
);
--> statement-breakpoint
CREATE TABLE `transfers` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`member_name` text NOT NULL,
	`from_district_id` text NOT NULL,
	`from_branch_id` text NOT NULL,
	`to_district_id` text NOT NULL,
	`to_branch_id` text NOT NULL,
	`status` text NOT NULL,
	`issued_on` text NOT NULL,
	`expires_on` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`accepted_at` text,
	`accepted_by` text,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `transfers_from_idx` ON `transfers` (`from_branch_id`,`id`);--> statement-breakpoint
CREATE INDEX `transfers_to_idx` ON `transfers` (`to_branch_id`,`id`);--> statement-breakpoint
CREATE INDEX `transfers_pending_idx` ON `transfers` (`status`,`expires_on`);