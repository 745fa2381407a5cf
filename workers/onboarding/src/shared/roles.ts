import type { Role } from "@vanguard/domain";

/** Who may read and who may act on the pipeline (docs/api.md §Roles and scopes). */
export const READ_BRANCH: readonly Role[] = ["platform_admin", "district_admin", "auditor", "branch_admin"];
/** a member key reads its own case only */
export const READ_OWN_CASE: readonly Role[] = [...READ_BRANCH, "member"];
export const MANAGE_BRANCH: readonly Role[] = ["platform_admin", "district_admin", "branch_admin"];
/** steps reserved to the upper committee (上级党委): a branch does not approve itself */
export const UPPER_COMMITTEE: readonly Role[] = ["platform_admin", "district_admin"];
export const READ_DISTRICT: readonly Role[] = ["platform_admin", "district_admin", "auditor"];
export const MANAGE_DISTRICT: readonly Role[] = ["platform_admin", "district_admin"];
