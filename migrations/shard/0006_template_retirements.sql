CREATE TABLE `inspection_template_retirements` (
	`district_id` text NOT NULL,
	`template_id` text NOT NULL,
	`reason` text NOT NULL,
	`retired_at` text NOT NULL,
	`retired_by` text NOT NULL,
	PRIMARY KEY(`district_id`, `template_id`)
);
