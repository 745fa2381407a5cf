CREATE TABLE `appraisal_voters` (
	`branch_id` text NOT NULL,
	`appraisal_id` text NOT NULL,
	`ratee_id` text NOT NULL,
	`rater_id` text NOT NULL,
	`district_id` text NOT NULL,
	PRIMARY KEY(`branch_id`, `appraisal_id`, `ratee_id`, `rater_id`)
);
--> statement-breakpoint
-- hand-written (keep when regenerating): who voted moves to appraisal_voters, what they voted into the
-- counts of open appraisals (finalized ones had theirs fixed already), then the linked rows go
INSERT INTO `appraisal_voters` (`branch_id`, `appraisal_id`, `ratee_id`, `rater_id`, `district_id`)
  SELECT `branch_id`, `appraisal_id`, `ratee_id`, `rater_id`, `district_id` FROM `appraisal_votes`;
--> statement-breakpoint
UPDATE `appraisal_grades` SET
  `mutual_excellent` = (SELECT count(*) FROM `appraisal_votes` v WHERE v.`branch_id` = `appraisal_grades`.`branch_id` AND v.`appraisal_id` = `appraisal_grades`.`appraisal_id` AND v.`ratee_id` = `appraisal_grades`.`member_id` AND v.`grade` = 'excellent'),
  `mutual_qualified` = (SELECT count(*) FROM `appraisal_votes` v WHERE v.`branch_id` = `appraisal_grades`.`branch_id` AND v.`appraisal_id` = `appraisal_grades`.`appraisal_id` AND v.`ratee_id` = `appraisal_grades`.`member_id` AND v.`grade` = 'qualified'),
  `mutual_basically_qualified` = (SELECT count(*) FROM `appraisal_votes` v WHERE v.`branch_id` = `appraisal_grades`.`branch_id` AND v.`appraisal_id` = `appraisal_grades`.`appraisal_id` AND v.`ratee_id` = `appraisal_grades`.`member_id` AND v.`grade` = 'basically_qualified'),
  `mutual_unqualified` = (SELECT count(*) FROM `appraisal_votes` v WHERE v.`branch_id` = `appraisal_grades`.`branch_id` AND v.`appraisal_id` = `appraisal_grades`.`appraisal_id` AND v.`ratee_id` = `appraisal_grades`.`member_id` AND v.`grade` = 'unqualified')
  WHERE EXISTS (SELECT 1 FROM `appraisals` a WHERE a.`branch_id` = `appraisal_grades`.`branch_id` AND a.`id` = `appraisal_grades`.`appraisal_id` AND a.`status` = 'open');
--> statement-breakpoint
DROP TABLE `appraisal_votes`;--> statement-breakpoint
CREATE INDEX `idempotency_created_idx` ON `idempotency` (`created_at`);