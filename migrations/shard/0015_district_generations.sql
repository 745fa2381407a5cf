CREATE TABLE `district_generations` (
	`district_id` text PRIMARY KEY NOT NULL,
	`generation` integer NOT NULL
);
