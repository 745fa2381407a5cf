import { latestRuleSetsOf } from "@vanguard/db";
import { type AuditRuleModule, type AuditRules, auditRulesOf } from "@vanguard/domain";
import { type AppEnv, authCacheMs, TtlCache } from "@vanguard/platform";
import type { Context } from "hono";
import type { ApiBindings } from "../env";

const MODULES: AuditRuleModule[] = ["pipeline", "study"];

/**
 * The district's latest meeting cadence and pipeline rules for showing the home page, remembered
 * like keys for AUTH_CACHE_SECONDS: a new rule version reaches another isolate's home page within
 * those seconds, as a revoked key does. Recording and judging still read the latest every time.
 */
const cache = new TtlCache<AuditRules>(2000);

export async function viewRules(c: Context<AppEnv<ApiBindings>>, districtId: string): Promise<AuditRules> {
  const ttl = authCacheMs(c.env.AUTH_CACHE_SECONDS);
  const now = Date.now();
  const hit = ttl ? cache.get(districtId, now) : undefined;
  if (hit) return hit;
  const bodies: Partial<Record<AuditRuleModule, unknown>> = {};
  for (const r of await latestRuleSetsOf(c.get("plane"), [districtId], MODULES))
    bodies[r.module as AuditRuleModule] = JSON.parse(r.body);
  const rules = auditRulesOf(bodies);
  if (ttl) cache.set(districtId, rules, now + ttl);
  return rules;
}
