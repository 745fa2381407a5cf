import type { Role } from "@vanguard/domain";

/** Who may read and who may act (docs/api.md §Roles and scopes): auditors read; the district reviews. */
export const READ_BRANCH: readonly Role[] = ["platform_admin", "district_admin", "auditor", "branch_admin"];
export const MANAGE_BRANCH: readonly Role[] = ["platform_admin", "district_admin", "branch_admin"];
/**
 * The branch's own word (self-assessment, its committee's grades): the district reviews it and so
 * does not write it.
 */
export const BRANCH_ONLY: readonly Role[] = ["branch_admin"];
/** The upper committee's judgements: reviews, ratings, naming model posts, district awards. */
export const UPPER_COMMITTEE: readonly Role[] = ["district_admin"];
export const READ_DISTRICT: readonly Role[] = ["platform_admin", "district_admin", "auditor"];
export const MANAGE_DISTRICT: readonly Role[] = ["platform_admin", "district_admin"];
