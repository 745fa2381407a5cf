CREATE TABLE `audit_run_batches` (
	`run_id` text NOT NULL,
	`batch_key` text NOT NULL,
	`branches` integer NOT NULL,
	`findings_opened` integer NOT NULL,
	`findings_resolved` integer NOT NULL,
	`queries` integer NOT NULL,
	`done_at` text NOT NULL,
	PRIMARY KEY(`run_id`, `batch_key`)
);
--> statement-breakpoint
CREATE TABLE `audit_run_pages` (
	`run_id` text NOT NULL,
	`shard` integer NOT NULL,
	`after_id` text NOT NULL,
	`branches` integer NOT NULL,
	`batches` integer NOT NULL,
	`last` integer NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`run_id`, `shard`, `after_id`)
);
--> statement-breakpoint
CREATE TABLE `audit_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`trigger` text NOT NULL,
	`failure` text,
	`shard_count` integer NOT NULL,
	`district_id` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL
);
