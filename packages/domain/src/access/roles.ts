/** The five roles (docs/api.md §Roles and scopes). Scope is carried by the principal, not the role. */
export const ROLES = ["platform_admin", "district_admin", "branch_admin", "member", "auditor"] as const;
export type Role = (typeof ROLES)[number];

/** Which roles may issue keys of which role. */
export const ISSUABLE: Record<Role, readonly Role[]> = {
  platform_admin: ["platform_admin", "district_admin", "auditor"],
  district_admin: ["branch_admin", "member"],
  branch_admin: ["branch_admin", "member"],
  member: [],
  auditor: [],
};
