-- Hand-edited: SQLite cannot add a NOT NULL column without a default. Existing branches start their
-- records on the day they were created; the default only serves rows written by raw SQL (the bench).
ALTER TABLE `branches` ADD `records_from` text NOT NULL DEFAULT '0000-01-01';--> statement-breakpoint
UPDATE `branches` SET `records_from` = substr(`created_at`, 1, 10);
