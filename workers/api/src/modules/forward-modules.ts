import {
  forward,
  log,
  lookupBranch,
  lookupDistrict,
  notFound,
  ProblemError,
  seesBranch,
  seesDistrict,
} from "@vanguard/platform";
import type { MiddlewareHandler } from "hono";
import type { ApiEnv } from "../env";
import { keptForward } from "./kept-forward";
import { moduleFor } from "./module-routes";

/** Sends module routes to their worker with the resolved, scope-checked tenant. */
export function forwardModules(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const target = moduleFor(c.req.path);
    if (!target) return next();
    const binding = c.env[target.binding];
    if (!binding) {
      log("error", "module binding missing", { binding: target.binding });
      throw new ProblemError("unavailable");
    }
    const p = c.get("principal");
    if (target.scope === "branch") {
      const branch = await lookupBranch(c, target.id);
      if (!branch || !seesBranch(p, branch)) throw notFound();
      const tenant = {
        districtId: branch.districtId,
        branchId: branch.id,
        timeZone: branch.timeZone,
        shard: branch.shard,
        recordsFrom: branch.recordsFrom,
      };
      return keptForward(c, binding, {
        tenant,
        district: { districtId: branch.districtId, timeZone: branch.timeZone, shard: branch.shard },
      });
    }
    if (target.scope === "district") {
      if (!seesDistrict(p, target.id)) throw notFound();
      const d = await lookupDistrict(c, target.id);
      if (!d) throw notFound();
      return keptForward(c, binding, {
        district: { districtId: d.id, timeZone: d.timeZone, shard: d.shard },
      });
    }
    return forward(c, binding, {});
  };
}
