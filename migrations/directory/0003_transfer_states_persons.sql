CREATE TABLE `persons` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`district_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`claimed_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `persons_member_idx` ON `persons` (`member_id`);--> statement-breakpoint
ALTER TABLE `transfers` ADD `claim_id` text;--> statement-breakpoint
ALTER TABLE `transfers` ADD `claimed_at` text;--> statement-breakpoint
ALTER TABLE `transfers` ADD `cancelled_at` text;--> statement-breakpoint
ALTER TABLE `transfers` ADD `cancelled_by` text;--> statement-breakpoint
ALTER TABLE `transfers` ADD `cancel_reason` text;--> statement-breakpoint
CREATE UNIQUE INDEX `transfers_open_member_uq` ON `transfers` (`member_id`) WHERE "transfers"."status" IN ('pending', 'accepting');