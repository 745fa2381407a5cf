CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`principal_id` text NOT NULL,
	`login` text NOT NULL,
	`display_name` text NOT NULL,
	`phone_enc` text,
	`phone_masked` text,
	`password_hash` text NOT NULL,
	`must_change_password` integer NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`failure_window_at` text,
	`locked_until` text,
	`last_login_at` text,
	`password_changed_at` text,
	`disabled_at` text,
	`disabled_by` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`principal_id`) REFERENCES `principals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_login_uq` ON `accounts` (`login`);--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_principal_uq` ON `accounts` (`principal_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`created_at` text NOT NULL,
	`seen_at` text NOT NULL,
	`ended_at` text,
	`end_reason` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_account_idx` ON `sessions` (`account_id`,`ended_at`);