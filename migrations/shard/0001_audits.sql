CREATE TABLE `activity` (
	`scope_id` text PRIMARY KEY NOT NULL,
	`last_at` text NOT NULL,
	`last_action` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `findings` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`key` text NOT NULL,
	`rule` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`severity` text NOT NULL,
	`period` text NOT NULL,
	`due_by` text,
	`message_zh` text NOT NULL,
	`message_en` text NOT NULL,
	`facts` text NOT NULL,
	`status` text NOT NULL,
	`opened_at` text NOT NULL,
	`opened_run` text NOT NULL,
	`last_seen_run` text NOT NULL,
	`last_seen_on` text NOT NULL,
	`acknowledged_at` text,
	`acknowledged_by` text,
	`resolved_at` text,
	`resolved_by` text,
	`resolved_run` text,
	`resolution` text,
	`note` text,
	`version` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `findings_key_uq` ON `findings` (`branch_id`,`key`);--> statement-breakpoint
CREATE INDEX `findings_status_idx` ON `findings` (`branch_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `findings_district_idx` ON `findings` (`district_id`,`status`,`id`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`branch_id` text NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`event` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_status` integer,
	`last_error` text,
	`created_at` text NOT NULL,
	`delivered_at` text,
	PRIMARY KEY(`branch_id`, `id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_deliveries_dedupe_uq` ON `webhook_deliveries` (`branch_id`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_pending_idx` ON `webhook_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `webhooks` (
	`branch_id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`url` text NOT NULL,
	`secret_enc` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
