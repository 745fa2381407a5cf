import { newId } from "@vanguard/db";
import { failure, parseServiceCode } from "@vanguard/domain";
import {
  type AppRouteHandler,
  CONTEXT_HEADER,
  enforceRateLimit,
  limitPerMinute,
  log,
  lookupBranch,
  ProblemError,
  ruleViolation,
  signContext,
} from "@vanguard/platform";
import type { ApiBindings } from "../env";
import type { ConfirmRoute } from "./service-confirmations.routes";

/** Confirmation attempts per client address per minute, unless SERVICE_CONFIRM_RATE_LIMIT_PER_MINUTE says otherwise. */
export const DEFAULT_CONFIRMATIONS_PER_MINUTE = 20;

/** Must match the onboarding worker's: the one principal its internal confirmation route accepts. */
const COMMUNITY = {
  id: "system:community-confirmation",
  keyId: "community",
  role: "member" as const,
  districtId: null,
  branchId: null,
  memberId: null,
  auditDistricts: null,
};

/**
 * Public: the community holds a code, not a key. Each client address has its quota of attempts
 * (malformed ones included); a code that names no branch gets the same answer as a wrong code, so
 * the route tells nothing about which branches exist. The onboarding worker, which owns the
 * sessions, checks the code, the person and the time, and records the confirmation.
 */
export const confirm: AppRouteHandler<ConfirmRoute, ApiBindings> = async (c) => {
  await enforceRateLimit(
    c.env.SIGNIN_RATE_LIMITER,
    "service-confirm",
    c.req.header("cf-connecting-ip") ?? "unknown",
    limitPerMinute(
      (c.env as { SERVICE_CONFIRM_RATE_LIMIT_PER_MINUTE?: string }).SERVICE_CONFIRM_RATE_LIMIT_PER_MINUTE,
      DEFAULT_CONFIRMATIONS_PER_MINUTE,
    ),
  );
  const body = c.req.valid("json");
  const parsed = parseServiceCode(body.code);
  const branch = parsed ? await lookupBranch(c, parsed.branchId) : undefined;
  if (!parsed || !branch) {
    throw ruleViolation([
      failure(
        "service_code_unknown",
        {
          zh: "确认码无效：请核对支部给出的确认码",
          en: "The confirmation code is not valid; check the code the branch gave",
        },
        {},
      ),
    ]);
  }
  if (!c.env.ONBOARDING) {
    log("error", "module binding missing", { binding: "ONBOARDING" });
    throw new ProblemError("unavailable");
  }
  const token = await signContext(c.env.INTERNAL_SECRET, {
    principal: { ...COMMUNITY, id: COMMUNITY.id },
    requestId: c.get("requestId") ?? newId("request"),
    lang: c.get("lang"),
    tenant: {
      districtId: branch.districtId,
      branchId: branch.id,
      timeZone: branch.timeZone,
      shard: branch.shard,
      recordsFrom: branch.recordsFrom,
    },
  });
  const headers = new Headers({ "content-type": "application/json", [CONTEXT_HEADER]: token });
  const key = c.req.header("idempotency-key");
  if (key) headers.set("idempotency-key", key);
  const lang = c.req.header("accept-language");
  if (lang) headers.set("accept-language", lang);
  const res = await c.env.ONBOARDING.fetch("https://onboarding.internal/internal/service-confirmations", {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
  return new Response(res.body, res) as never;
};
