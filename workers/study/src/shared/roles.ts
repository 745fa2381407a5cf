import type { Role } from "@vanguard/domain";

/** Who may read and change study data (docs/api.md §Roles and scopes; the api worker already scoped them). */
export const READ_DISTRICT: readonly Role[] = ["platform_admin", "district_admin", "auditor"];
export const MANAGE_DISTRICT: readonly Role[] = ["platform_admin", "district_admin"];
export const READ_BRANCH: readonly Role[] = ["platform_admin", "district_admin", "auditor", "branch_admin"];
export const MANAGE_BRANCH: readonly Role[] = ["platform_admin", "district_admin", "branch_admin"];
/** member keys record their own activity and read their own summary and ranking */
export const RECORD_STUDY: readonly Role[] = [...MANAGE_BRANCH, "member"];
export const READ_OWN_STUDY: readonly Role[] = [...READ_BRANCH, "member"];
