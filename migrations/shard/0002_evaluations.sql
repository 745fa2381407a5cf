CREATE TABLE `appraisal_grades` (
	`branch_id` text NOT NULL,
	`appraisal_id` text NOT NULL,
	`member_id` text NOT NULL,
	`district_id` text NOT NULL,
	`year` integer NOT NULL,
	`grade` text,
	`self_grade` text,
	`comment` text,
	`graded_at` text,
	`graded_by` text,
	`mutual_excellent` integer,
	`mutual_qualified` integer,
	`mutual_basically_qualified` integer,
	`mutual_unqualified` integer,
	PRIMARY KEY(`branch_id`, `appraisal_id`, `member_id`)
);
--> statement-breakpoint
CREATE TABLE `appraisal_votes` (
	`branch_id` text NOT NULL,
	`appraisal_id` text NOT NULL,
	`ratee_id` text NOT NULL,
	`rater_id` text NOT NULL,
	`district_id` text NOT NULL,
	`grade` text NOT NULL,
	`cast_at` text NOT NULL,
	PRIMARY KEY(`branch_id`, `appraisal_id`, `ratee_id`, `rater_id`)
);
--> statement-breakpoint
CREATE TABLE `appraisals` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`year` integer NOT NULL,
	`status` text NOT NULL,
	`appraised` integer,
	`excellent_limit` integer,
	`rule_set_version` integer,
	`opened_at` text NOT NULL,
	`opened_by` text NOT NULL,
	`finalized_at` text,
	`finalized_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appraisals_year_uq` ON `appraisals` (`branch_id`,`year`);--> statement-breakpoint
CREATE TABLE `awards` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`member_id` text NOT NULL,
	`year` integer NOT NULL,
	`title` text NOT NULL,
	`level` text NOT NULL,
	`citation` text NOT NULL,
	`awarded_on` text NOT NULL,
	`awarded_by` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `awards_member_title_uq` ON `awards` (`branch_id`,`member_id`,`year`,`title`);--> statement-breakpoint
CREATE INDEX `awards_district_idx` ON `awards` (`district_id`,`year`);--> statement-breakpoint
CREATE TABLE `duty_tasks` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`assignee_id` text NOT NULL,
	`month` text NOT NULL,
	`title` text NOT NULL,
	`detail` text,
	`due_on` text NOT NULL,
	`status` text NOT NULL,
	`completed_on` text,
	`completion_note` text,
	`completed_by` text,
	`verified_at` text,
	`verified_by` text,
	`verification_note` text,
	`returned_note` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `duty_tasks_month_idx` ON `duty_tasks` (`branch_id`,`month`,`id`);--> statement-breakpoint
CREATE INDEX `duty_tasks_assignee_idx` ON `duty_tasks` (`branch_id`,`assignee_id`,`month`);--> statement-breakpoint
CREATE INDEX `duty_tasks_status_idx` ON `duty_tasks` (`branch_id`,`status`,`due_on`);--> statement-breakpoint
CREATE TABLE `inspection_items` (
	`branch_id` text NOT NULL,
	`inspection_id` text NOT NULL,
	`code` text NOT NULL,
	`district_id` text NOT NULL,
	`period` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`max_score` real NOT NULL,
	`owner_post` text,
	`self_score` real,
	`evidence` text,
	`self_reason` text,
	`nominee_id` text,
	`final_score` real,
	`deducted` real,
	`deduction_reason` text,
	`responsible_member_id` text,
	`responsible_name` text,
	`responsible_post` text,
	`responsible_via` text,
	`reviewed_at` text,
	PRIMARY KEY(`branch_id`, `inspection_id`, `code`)
);
--> statement-breakpoint
CREATE INDEX `inspection_items_responsible_idx` ON `inspection_items` (`district_id`,`responsible_member_id`,`period`) WHERE "inspection_items"."responsible_member_id" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `inspection_templates` (
	`district_id` text NOT NULL,
	`id` text NOT NULL,
	`version` integer NOT NULL,
	`name` text NOT NULL,
	`items` text NOT NULL,
	`max_total` real NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	PRIMARY KEY(`district_id`, `id`, `version`)
);
--> statement-breakpoint
CREATE TABLE `inspections` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`period` text NOT NULL,
	`template_id` text NOT NULL,
	`template_version` integer NOT NULL,
	`template_name` text NOT NULL,
	`status` text NOT NULL,
	`max_total` real NOT NULL,
	`self_total` real,
	`final_total` real,
	`grade` text,
	`rule_set_version` integer,
	`review_comment` text,
	`submitted_at` text,
	`submitted_by` text,
	`reviewed_at` text,
	`reviewed_by` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspections_period_uq` ON `inspections` (`branch_id`,`period`);--> statement-breakpoint
CREATE INDEX `inspections_district_idx` ON `inspections` (`district_id`,`period`,`status`);--> statement-breakpoint
CREATE TABLE `model_posts` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`member_id` text NOT NULL,
	`year` integer NOT NULL,
	`title` text NOT NULL,
	`commitment` text NOT NULL,
	`status` text NOT NULL,
	`nominated_at` text NOT NULL,
	`nominated_by` text NOT NULL,
	`awarded_on` text,
	`awarded_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `model_posts_member_year_uq` ON `model_posts` (`branch_id`,`member_id`,`year`);--> statement-breakpoint
CREATE INDEX `model_posts_district_idx` ON `model_posts` (`district_id`,`year`,`status`);--> statement-breakpoint
CREATE TABLE `secretary_reports` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`year` integer NOT NULL,
	`secretary_id` text NOT NULL,
	`secretary_name` text NOT NULL,
	`delivered_on` text NOT NULL,
	`duty_report` text NOT NULL,
	`integrity_report` text NOT NULL,
	`status` text NOT NULL,
	`rating` text,
	`review_comment` text,
	`reviewed_at` text,
	`reviewed_by` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `secretary_reports_year_uq` ON `secretary_reports` (`branch_id`,`year`);--> statement-breakpoint
CREATE TABLE `work_records` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`member_id` text,
	`kind` text NOT NULL,
	`occurred_on` text NOT NULL,
	`content` text NOT NULL,
	`corrects_id` text,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `work_records_corrects_uq` ON `work_records` (`branch_id`,`corrects_id`) WHERE "work_records"."corrects_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `work_records_member_idx` ON `work_records` (`branch_id`,`member_id`,`id`);