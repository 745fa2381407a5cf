import { directoryWrite, evaluationRules, insertEvaluationRules } from "@vanguard/db";
import { checkEvaluationRules, MANAGE_DISTRICT, READ_DISTRICT } from "@vanguard/domain";
import {
  type AppRouteHandler,
  conflictAs,
  moduleDistrict,
  ProblemError,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import type { GetRoute, PutRoute } from "./rules.routes";

const NEWER = {
  zh: "规则已有更新的版本，请刷新后重试",
  en: "A newer version of the rules exists; reload and retry",
};

export const get: AppRouteHandler<GetRoute> = async (c) => {
  const { districtId } = c.req.valid("param");
  moduleDistrict(c, districtId, READ_DISTRICT);
  const current = await evaluationRules(c.get("plane"), districtId);
  return c.json({ districtId, ...current }, 200);
};

/** Rule sets live in the directory beside every module's, chained on the district's directory log. */
export const put: AppRouteHandler<PutRoute> = async (c) => {
  const { districtId } = c.req.valid("param");
  const body = c.req.valid("json");
  moduleDistrict(c, districtId, MANAGE_DISTRICT);
  const failures = checkEvaluationRules(body.rules);
  if (failures.length) throw ruleViolation(failures);
  const plane = c.get("plane");
  const result = await directoryWrite(plane, await writeRequest(c), districtId, async () => {
    const current = await evaluationRules(plane, districtId);
    if (current.version !== body.version) throw new ProblemError("version_conflict", NEWER);
    const next = { districtId, version: current.version + 1, rules: body.rules };
    return {
      statements: [insertEvaluationRules(plane, districtId, next.version, body.rules, c.get("principal").id)],
      events: [
        {
          scopeId: districtId,
          districtId,
          action: "rules.evaluations_set",
          subjectType: "rule_set",
          subjectId: `${districtId}/evaluations`,
          before: current,
          after: next,
        },
      ],
      result: next,
    };
  }).catch(conflictAs(NEWER));
  return c.json(result, 200);
};
