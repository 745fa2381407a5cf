CREATE TABLE `attachments` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`document` text NOT NULL,
	`filename` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`object_key` text NOT NULL,
	`supersedes` text,
	`reason` text,
	`superseded_by` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `attachments_target_idx` ON `attachments` (`branch_id`,`target_type`,`target_id`);--> statement-breakpoint
CREATE INDEX `attachments_sha_idx` ON `attachments` (`branch_id`,`sha256`);--> statement-breakpoint
CREATE TABLE `document_templates` (
	`district_id` text NOT NULL,
	`kind` text NOT NULL,
	`version` integer NOT NULL,
	`filename` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`object_key` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	PRIMARY KEY(`district_id`, `kind`, `version`)
);
