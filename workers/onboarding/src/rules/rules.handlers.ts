import { directoryWrite, insertPipelineRuleSet, pipelineRuleSet } from "@vanguard/db";
import { checkPipelineRules, MANAGE_DISTRICT, READ_DISTRICT, resolvePipelineRules } from "@vanguard/domain";
import {
  type AppRouteHandler,
  conflictAs,
  internalContext,
  moduleDistrict,
  ProblemError,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import type { OnboardingBindings } from "../env";
import type { GetRoute, PutRoute } from "./rules.routes";
import { forgetPipelineRules } from "./view-rules";

const NEWER = {
  zh: "规则已有更新的版本，请刷新后重试",
  en: "A newer version of the rules exists; reload and retry",
};

export const get: AppRouteHandler<GetRoute, OnboardingBindings> = async (c) => {
  const { districtId } = c.req.valid("param");
  moduleDistrict(c, districtId, READ_DISTRICT);
  return c.json({ districtId, ...(await pipelineRuleSet(c.get("plane"), districtId)) }, 200);
};

/** A new version never replaces an old one: recorded steps keep citing the version they used. */
export const put: AppRouteHandler<PutRoute, OnboardingBindings> = async (c) => {
  const { districtId } = c.req.valid("param");
  const body = c.req.valid("json");
  moduleDistrict(c, districtId, MANAGE_DISTRICT);
  // a body from before a number existed (serviceHours) publishes that number's default
  const rules = resolvePipelineRules(body.rules);
  const failures = checkPipelineRules(rules);
  if (failures.length) throw ruleViolation(failures);
  const plane = c.get("plane");
  const result = await directoryWrite(plane, await writeRequest(c), districtId, async () => {
    const current = await pipelineRuleSet(plane, districtId);
    if (current.version !== body.version) throw new ProblemError("version_conflict", NEWER);
    const next = { districtId, version: current.version + 1, rules };
    return {
      statements: [
        insertPipelineRuleSet(plane, {
          districtId,
          version: next.version,
          rules,
          createdAt: new Date().toISOString(),
          createdBy: internalContext(c).principal.id,
        }),
      ],
      events: [
        {
          scopeId: districtId,
          districtId,
          action: "rules.pipeline_set",
          subjectType: "rule_set",
          subjectId: `${districtId}/pipeline`,
          before: current,
          after: next,
        },
      ],
      result: next,
    };
  }).catch(conflictAs(NEWER));
  forgetPipelineRules(districtId);
  return c.json(result, 200);
};
