import { districtContext, type TenantContext, tenantContext } from "@vanguard/db";
import type { Role } from "@vanguard/domain";
import type { Context, MiddlewareHandler } from "hono";
import { requireRole } from "../access/scope";
import type { AppEnv, PlatformBindings } from "../env";
import { notFound, ProblemError } from "../errors/problem";
import { CONTEXT_HEADER, type InternalContext, verifyContext } from "./context";

const contexts = new WeakMap<Request, InternalContext>();

/**
 * Module workers answer only requests the api worker vouched for. `/health` and `/openapi.json`
 * stay open because they reveal nothing and the api worker merges the spec.
 */
export function internalOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.path === "/health" || c.req.path === "/openapi.json") return next();
    const ctx = await verifyContext(c.env.INTERNAL_SECRET, c.req.header(CONTEXT_HEADER));
    if (!ctx) throw new ProblemError("internal_only");
    contexts.set(c.req.raw, ctx);
    c.set("principal", ctx.principal);
    c.set("requestId", ctx.requestId);
    c.set("lang", ctx.lang);
    return next();
  };
}

export function internalContext<B extends PlatformBindings>(c: Context<AppEnv<B>>): InternalContext {
  const ctx = contexts.get(c.req.raw);
  if (!ctx) throw new ProblemError("internal_only");
  return ctx;
}

/** The tenant the api worker resolved, checked against the path, and the role allowed to act. */
export function moduleBranch<B extends PlatformBindings>(
  c: Context<AppEnv<B>>,
  branchId: string,
  allow: readonly Role[],
): TenantContext {
  const ctx = internalContext(c);
  if (!ctx.tenant || ctx.tenant.branchId !== branchId) throw notFound();
  requireRole(ctx.principal, allow);
  return tenantContext(c.get("plane"), ctx.tenant);
}

export function moduleDistrict<B extends PlatformBindings>(
  c: Context<AppEnv<B>>,
  districtId: string,
  allow: readonly Role[],
) {
  const ctx = internalContext(c);
  if (!ctx.district || ctx.district.districtId !== districtId) throw notFound();
  requireRole(ctx.principal, allow);
  return districtContext(c.get("plane"), ctx.district);
}
