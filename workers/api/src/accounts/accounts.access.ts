import { type AccountHolder, resolveBranch } from "@vanguard/db";
import { type Principal, seesBranch, seesDistrict } from "@vanguard/platform";
import type { Context } from "hono";
import type { ApiEnv } from "../env";

/**
 * Who may manage an account, as with keys (issuer scope): a platform admin, any account; a district
 * admin, the accounts of its district and of the branches in it; a branch admin, its branch's
 * accounts. Outside the caller's scope the account does not exist (404); inside it, a role that may
 * not manage it is refused (403).
 */
export async function manageDecision(
  c: Context<ApiEnv>,
  p: Principal,
  holder: AccountHolder,
): Promise<"allow" | 403 | 404> {
  if (p.role === "platform_admin") return "allow";
  const { principal } = holder;
  if (principal.branchId) {
    const branch = await resolveBranch(c.get("plane"), principal.branchId);
    if (!branch || !seesBranch(p, branch)) return 404;
    return p.role === "district_admin" || p.role === "branch_admin" ? "allow" : 403;
  }
  if (!principal.districtId || !seesDistrict(p, principal.districtId)) return 404;
  return p.role === "district_admin" ? "allow" : 403;
}
