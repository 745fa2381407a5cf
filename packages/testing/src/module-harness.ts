import { exports } from "cloudflare:workers";
import type { TenantRef } from "@vanguard/db";
import type { Role } from "@vanguard/domain";
import { type Principal, signContext } from "@vanguard/platform";

/** The INTERNAL_SECRET module worker tests run with (scripts/lib/module-workers.mjs). */
export const TEST_INTERNAL_SECRET = "test-internal-secret";

export function principalFor(role: Role, ref: TenantRef, memberId: string | null = null): Principal {
  return {
    id: `pr_test_${role}`,
    keyId: `key_test_${role}`,
    role,
    districtId: role === "platform_admin" || role === "auditor" ? null : ref.districtId,
    branchId: role === "branch_admin" || role === "member" ? ref.branchId : null,
    memberId,
    auditDistricts: role === "auditor" ? [ref.districtId] : null,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: test replies are read field by field
type Json = any;

/**
 * Calls the module worker under test the way the api worker does: with the tenant it resolved and
 * the caller's principal, in a signed context header.
 */
export async function moduleCall(
  path: string,
  opts: {
    ref: TenantRef;
    role?: Role;
    principal?: Principal;
    method?: string;
    body?: unknown;
    /** a body sent as is, with the content type given in `headers` (uploads) */
    raw?: BodyInit;
    headers?: Record<string, string>;
    lang?: "zh-CN" | "en";
  },
): Promise<{ status: number; headers: Headers; body: Json }> {
  const principal = opts.principal ?? principalFor(opts.role ?? "branch_admin", opts.ref);
  const district = { districtId: opts.ref.districtId, timeZone: opts.ref.timeZone, shard: opts.ref.shard };
  const token = await signContext(TEST_INTERNAL_SECRET, {
    principal,
    requestId: `req_test_${Math.random().toString(36).slice(2)}`,
    lang: opts.lang ?? "zh-CN",
    tenant: path.includes(`/branches/${opts.ref.branchId}`) ? opts.ref : undefined,
    district,
  });
  const headers = new Headers(opts.headers);
  headers.set("x-vanguard-context", token);
  if (opts.body !== undefined) headers.set("content-type", "application/json");
  const res = await exports.default.fetch(
    new Request(`https://module.internal${path}`, {
      method: opts.method ?? (opts.body !== undefined || opts.raw !== undefined ? "POST" : "GET"),
      headers,
      body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    }),
  );
  const text = await res.text();
  let body: Json = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, headers: res.headers, body };
}
