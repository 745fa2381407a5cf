import type { Actor } from "@vanguard/db";
import type { Context } from "hono";
import type { AppEnv, PlatformBindings } from "../env";
import { idempotencyClaim } from "./idempotency";

/** The caller as the event log records them. */
export function actorOf<B extends PlatformBindings>(c: Context<AppEnv<B>>): Actor {
  const p = c.get("principal");
  return { principalId: p.id, role: p.role, requestId: c.get("requestId") };
}

/** Everything a write needs from the request: who, and the idempotency claim if any. */
export async function writeRequest<B extends PlatformBindings>(c: Context<AppEnv<B>>, status = 200) {
  return { actor: actorOf(c), idempotency: await idempotencyClaim(c), status };
}
