CREATE TABLE `compliance_rollups` (
	`branch_id` text NOT NULL,
	`period` text NOT NULL,
	`district_id` text NOT NULL,
	`fingerprint` text NOT NULL,
	`facts` text NOT NULL,
	`computed_at` text NOT NULL,
	PRIMARY KEY(`branch_id`, `period`)
);
