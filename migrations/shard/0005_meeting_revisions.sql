CREATE TABLE `meeting_revisions` (
	`branch_id` text NOT NULL,
	`meeting_id` text NOT NULL,
	`revision` integer NOT NULL,
	`district_id` text NOT NULL,
	`body` text NOT NULL,
	`reason` text NOT NULL,
	`corrected_by` text NOT NULL,
	`corrected_at` text NOT NULL,
	PRIMARY KEY(`branch_id`, `meeting_id`, `revision`)
);
--> statement-breakpoint
ALTER TABLE `meetings` ADD `revision` integer DEFAULT 0 NOT NULL;