import type { Role } from "./roles";

/**
 * Who may do what, by the level of the org tree the act is about (docs/api.md §Roles and scopes).
 * Every worker gates its routes with these sets; a route that needs another set adds it here under a
 * name that says who is in it and why. Scope (which district or branch) is the principal's, not the
 * role's: these sets only answer "may this kind of key do this at all".
 */

/** Reads a district's data: its organization department, the platform, and auditors. */
export const READ_DISTRICT: readonly Role[] = ["platform_admin", "district_admin", "auditor"];
/** Changes a district's data: its organization department and the platform. */
export const MANAGE_DISTRICT: readonly Role[] = ["platform_admin", "district_admin"];
/** Reads a branch's data: everyone above it and the branch's committee. */
export const READ_BRANCH: readonly Role[] = ["platform_admin", "district_admin", "auditor", "branch_admin"];
/** Changes a branch's data: the branch's committee and everyone who manages it from above. */
export const MANAGE_BRANCH: readonly Role[] = ["platform_admin", "district_admin", "branch_admin"];
/** Reads a branch's data, or for a member key only what is the member's own (the handler narrows it). */
export const READ_OWN: readonly Role[] = [...READ_BRANCH, "member"];
/** Acts on a branch's data, or for a member key only on what is the member's own. */
export const ACT_OWN: readonly Role[] = [...MANAGE_BRANCH, "member"];
/**
 * The branch's own word (its self-assessment, its committee's grades): the district reviews it and so
 * does not write it.
 */
export const BRANCH_ONLY: readonly Role[] = ["branch_admin"];
/** The branch's own people: its committee and, for what is theirs (a vote, a reply), its members. */
export const BRANCH_PEOPLE: readonly Role[] = [...BRANCH_ONLY, "member"];
/**
 * The upper committee's (上级党委) own judgements on a branch: reviews, ratings, model posts, district
 * awards. Only the district's organization department judges; the platform operator does not.
 */
export const UPPER_COMMITTEE: readonly Role[] = ["district_admin"];
/** The platform's own operations: districts, the holiday calendar, key rotation. */
export const PLATFORM_ONLY: readonly Role[] = ["platform_admin"];
/** Watches the platform as a whole (audit runs): its operator and auditors. */
export const OVERSEE_PLATFORM: readonly Role[] = ["platform_admin", "auditor"];
