ALTER TABLE `dues_payments` ADD `imported_from` text;--> statement-breakpoint
-- Hand-edited: SQLite cannot add a NOT NULL column without a default. Members already on a roll came
-- onto it the day they were added; the default only serves rows written by raw SQL (the bench).
ALTER TABLE `members` ADD `joined_branch_on` text NOT NULL DEFAULT '0000-01-01';--> statement-breakpoint
UPDATE `members` SET `joined_branch_on` = substr(`created_at`, 1, 10);--> statement-breakpoint
ALTER TABLE `development_steps` ADD `imported_from` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `imported_from` text;
