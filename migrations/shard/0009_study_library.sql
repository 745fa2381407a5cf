CREATE TABLE `study_materials` (
	`district_id` text NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`summary` text,
	`tags` text NOT NULL,
	`publish_on` text NOT NULL,
	`body` text,
	`chars` integer,
	`url` text,
	`duration_sec` integer,
	`min_sec` integer,
	`min_sec_set` integer,
	`quiz` text,
	`quiz_kind` text,
	`questions` integer,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`retired_at` text,
	`retired_by` text,
	`retire_reason` text,
	PRIMARY KEY(`district_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `study_materials_published_idx` ON `study_materials` (`district_id`,`publish_on`,`id`);--> statement-breakpoint
CREATE TABLE `study_quiz_submissions` (
	`branch_id` text NOT NULL,
	`material_id` text NOT NULL,
	`member_id` text NOT NULL,
	`district_id` text NOT NULL,
	`submitted_at` text NOT NULL,
	`day` text NOT NULL,
	`correct` integer NOT NULL,
	`total` integer NOT NULL,
	`awarded` integer NOT NULL,
	`activity_id` text NOT NULL,
	`answers` text NOT NULL,
	`results` text NOT NULL,
	PRIMARY KEY(`branch_id`, `material_id`, `member_id`)
);
--> statement-breakpoint
CREATE TABLE `study_tickets` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`member_id` text NOT NULL,
	`material_id` text NOT NULL,
	`issued_at` text NOT NULL,
	`redeemable_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`redeemed_at` text,
	`redeemed_day` text,
	`outcome` text,
	`awarded` integer,
	`activity_ids` text,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `study_tickets_member_idx` ON `study_tickets` (`branch_id`,`member_id`,`redeemed_at`,`expires_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `study_tickets_credited_idx` ON `study_tickets` (`branch_id`,`member_id`,`material_id`,`redeemed_day`) WHERE outcome = 'credited';--> statement-breakpoint
ALTER TABLE `study_activities` ADD `source` text DEFAULT 'claimed' NOT NULL;--> statement-breakpoint
ALTER TABLE `study_branch_periods` ADD `earned` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `study_branch_periods` ADD `earned_activities` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `study_branch_periods` ADD `earned_active_members` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `study_days` ADD `earned` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `study_member_periods` ADD `earned` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `study_member_periods` ADD `earned_activities` integer DEFAULT 0 NOT NULL;