CREATE TABLE `development_cases` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`member_id` text NOT NULL,
	`stage` text NOT NULL,
	`applied_on` text NOT NULL,
	`cycle` integer DEFAULT 0 NOT NULL,
	`probation_ends_on` text,
	`extensions_approved` integer DEFAULT 0 NOT NULL,
	`full_on` text,
	`closed_on` text,
	`closed_reason` text,
	`last_step` text NOT NULL,
	`last_step_on` text NOT NULL,
	`step_count` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `development_cases_open_uq` ON `development_cases` (`branch_id`,`member_id`) WHERE "development_cases"."stage" <> 'closed';--> statement-breakpoint
CREATE INDEX `development_cases_stage_idx` ON `development_cases` (`branch_id`,`stage`,`id`);--> statement-breakpoint
CREATE TABLE `development_complaints` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`case_id` text NOT NULL,
	`member_id` text NOT NULL,
	`received_on` text NOT NULL,
	`source` text,
	`summary` text NOT NULL,
	`status` text NOT NULL,
	`resolved_on` text,
	`resolution` text,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	`resolved_at` text,
	`resolved_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `development_complaints_case_idx` ON `development_complaints` (`branch_id`,`case_id`,`status`);--> statement-breakpoint
CREATE TABLE `development_steps` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`case_id` text NOT NULL,
	`member_id` text NOT NULL,
	`seq` integer NOT NULL,
	`step` text NOT NULL,
	`cycle` integer NOT NULL,
	`occurred_on` text NOT NULL,
	`data` text NOT NULL,
	`documents` text NOT NULL,
	`note` text,
	`warnings` text NOT NULL,
	`rule_set_version` integer NOT NULL,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_role` text NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `development_steps_seq_uq` ON `development_steps` (`branch_id`,`case_id`,`seq`);--> statement-breakpoint
CREATE TABLE `party_sanctions` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`member_id` text NOT NULL,
	`kind` text NOT NULL,
	`decided_on` text NOT NULL,
	`ends_on` text,
	`note` text,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `party_sanctions_member_idx` ON `party_sanctions` (`branch_id`,`member_id`);