CREATE TABLE `committee_elections` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`held_on` text NOT NULL,
	`expected_voters` integer NOT NULL,
	`present_voters` integer NOT NULL,
	`seats` integer NOT NULL,
	`candidates` text NOT NULL,
	`term_start` text NOT NULL,
	`term_end` text NOT NULL,
	`rule_set_version` integer NOT NULL,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `committee_elections_held_idx` ON `committee_elections` (`branch_id`,`held_on`);--> statement-breakpoint
CREATE TABLE `service_registrations` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`member_id` text NOT NULL,
	`kind` text NOT NULL,
	`organization` text NOT NULL,
	`contact_name` text,
	`registered_on` text NOT NULL,
	`ended_on` text,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_registrations_active_uq` ON `service_registrations` (`branch_id`,`member_id`,`kind`) WHERE "service_registrations"."ended_on" IS NULL;--> statement-breakpoint
CREATE TABLE `service_sessions` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`registration_id` text NOT NULL,
	`member_id` text NOT NULL,
	`kind` text NOT NULL,
	`served_on` text NOT NULL,
	`hours` real NOT NULL,
	`description` text NOT NULL,
	`status` text NOT NULL,
	`code_hash` text NOT NULL,
	`code_expires_on` text NOT NULL,
	`confirmed_at` text,
	`confirmed_by` text,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_sessions_code_uq` ON `service_sessions` (`code_hash`);--> statement-breakpoint
CREATE INDEX `service_sessions_member_idx` ON `service_sessions` (`branch_id`,`member_id`,`served_on`);--> statement-breakpoint
CREATE TABLE `study_reflections` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`member_id` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`title` text NOT NULL,
	`text` text NOT NULL,
	`submitted_at` text NOT NULL,
	`featured_at` text,
	`featured_by` text,
	`awarded` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `study_reflections_subject_uq` ON `study_reflections` (`branch_id`,`member_id`,`subject_type`,`subject_id`);--> statement-breakpoint
CREATE INDEX `study_reflections_featured_idx` ON `study_reflections` (`district_id`,`featured_at`);