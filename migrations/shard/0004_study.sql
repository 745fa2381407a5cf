CREATE TABLE `meeting_attendance` (
	`branch_id` text NOT NULL,
	`meeting_id` text NOT NULL,
	`member_id` text NOT NULL,
	`district_id` text NOT NULL,
	`kind` text NOT NULL,
	`held_on` text NOT NULL,
	`present` integer NOT NULL,
	`reason` text,
	`hours` real NOT NULL,
	PRIMARY KEY(`branch_id`, `meeting_id`, `member_id`)
);
--> statement-breakpoint
CREATE INDEX `meeting_attendance_member_idx` ON `meeting_attendance` (`branch_id`,`member_id`,`held_on`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`kind` text NOT NULL,
	`held_on` text NOT NULL,
	`topic` text NOT NULL,
	`hours` real NOT NULL,
	`minutes` text,
	`lecturer_id` text,
	`lecturer_post` text,
	`present` integer NOT NULL,
	`absent` integer NOT NULL,
	`committee_size` integer,
	`committee_present` integer,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `meetings_held_on_idx` ON `meetings` (`branch_id`,`held_on`,`id`);--> statement-breakpoint
CREATE TABLE `study_activities` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`member_id` text NOT NULL,
	`kind` text NOT NULL,
	`occurred_at` text NOT NULL,
	`day` text NOT NULL,
	`duration_sec` integer,
	`units` integer,
	`ref` text,
	`awarded` integer NOT NULL,
	`deducted` integer NOT NULL,
	`capped` integer NOT NULL,
	`flags` text,
	`rule_version` integer NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `study_activities_member_idx` ON `study_activities` (`branch_id`,`member_id`,`day`);--> statement-breakpoint
CREATE TABLE `study_branch_periods` (
	`branch_id` text NOT NULL,
	`period` text NOT NULL,
	`district_id` text NOT NULL,
	`points` integer NOT NULL,
	`activities` integer NOT NULL,
	`active_members` integer NOT NULL,
	`members` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`branch_id`, `period`)
);
--> statement-breakpoint
CREATE INDEX `study_branch_periods_district_idx` ON `study_branch_periods` (`district_id`,`period`,`branch_id`);--> statement-breakpoint
CREATE TABLE `study_days` (
	`branch_id` text NOT NULL,
	`member_id` text NOT NULL,
	`day` text NOT NULL,
	`district_id` text NOT NULL,
	`rule_version` integer NOT NULL,
	`points` integer NOT NULL,
	`deducted` integer NOT NULL,
	`flagged` integer NOT NULL,
	`activities` integer NOT NULL,
	`class_seconds` integer NOT NULL,
	`kinds` text NOT NULL,
	`refs` text NOT NULL,
	`recent` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`branch_id`, `member_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `study_days_by_day_idx` ON `study_days` (`branch_id`,`day`);--> statement-breakpoint
CREATE TABLE `study_member_periods` (
	`branch_id` text NOT NULL,
	`period` text NOT NULL,
	`member_id` text NOT NULL,
	`district_id` text NOT NULL,
	`points` integer NOT NULL,
	`activities` integer NOT NULL,
	`active_days` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`branch_id`, `period`, `member_id`)
);
