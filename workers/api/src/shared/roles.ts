import type { Role } from "@vanguard/domain";

/** Who may read and who may change things at each level of the org tree. */
export const READ_DISTRICT: readonly Role[] = ["platform_admin", "district_admin", "auditor"];
export const MANAGE_DISTRICT: readonly Role[] = ["platform_admin", "district_admin"];
export const READ_BRANCH: readonly Role[] = ["platform_admin", "district_admin", "auditor", "branch_admin"];
export const MANAGE_BRANCH: readonly Role[] = ["platform_admin", "district_admin", "branch_admin"];
