CREATE TABLE `chain_anchors` (
	`scope_id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`seq` integer NOT NULL,
	`hash` text NOT NULL,
	`anchored_at` text NOT NULL
);
