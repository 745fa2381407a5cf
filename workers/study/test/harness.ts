import type { TenantRef } from "@vanguard/db";
import type { Role } from "@vanguard/domain";
import { memberFixture, tenantFixture } from "@vanguard/testing/fixtures";
import { moduleCall, principalFor } from "@vanguard/testing/module-harness";

/** A branch with party members on its roll (and one activist), on the chosen shard. */
export async function studyBranch(opts: { shard?: number; size?: number } = {}) {
  const { ref, tc, plane } = await tenantFixture({ shard: opts.shard ?? 0 });
  const members = [];
  for (let i = 0; i < (opts.size ?? 3); i++) members.push(await memberFixture(tc, { name: `党员${i + 1}` }));
  const activist = await memberFixture(tc, { name: "积极分子", status: "activist", joinedOn: null });
  return { ref, tc, plane, members, activist };
}

export const as = (ref: TenantRef, role: Role, memberId: string | null = null) => ({
  ref,
  principal: principalFor(role, ref, memberId),
});

export function record(
  ref: TenantRef,
  body: Record<string, unknown>,
  who = as(ref, "branch_admin"),
  headers?: Record<string, string>,
) {
  return moduleCall(`/v1/branches/${ref.branchId}/study/activities`, { ...who, body, headers });
}

export function recordBatch(
  ref: TenantRef,
  activities: Record<string, unknown>[],
  who = as(ref, "branch_admin"),
) {
  return moduleCall(`/v1/branches/${ref.branchId}/study/activities/batch`, { ...who, body: { activities } });
}

/** `2025-03-10T09:05:00+08:00`: a fixed past instant in Shanghai time. */
export const at = (day: string, hhmm = "09:00", ss = "00") => `${day}T${hhmm}:${ss}+08:00`;

export { moduleCall };
