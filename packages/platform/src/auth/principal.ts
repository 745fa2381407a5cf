import type { Role } from "@vanguard/domain";

/** Who is calling, and the part of the platform they may see. */
export interface Principal {
  id: string;
  keyId: string;
  role: Role;
  districtId: string | null;
  branchId: string | null;
  memberId: string | null;
  /** auditors: the districts in scope; null means every district */
  auditDistricts: string[] | null;
  /** a person's account, when the caller signed in rather than presenting a key */
  accountId?: string;
}

export const BOOTSTRAP_PRINCIPAL_ID = "pr_bootstrap";
