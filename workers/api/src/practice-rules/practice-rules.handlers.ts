import { directoryWrite, insertPracticeRuleSet, practiceRuleSet } from "@vanguard/db";
import { checkPracticeRules, MANAGE_DISTRICT, READ_DISTRICT } from "@vanguard/domain";
import {
  type AppRouteHandler,
  conflictAs,
  districtScope,
  ProblemError,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import type { ApiBindings } from "../env";
import type { GetRoute, PutRoute } from "./practice-rules.routes";

const NEWER = {
  zh: "规则已有更新的版本，请刷新后重试",
  en: "A newer version of the rules exists; reload and retry",
};

export const get: AppRouteHandler<GetRoute, ApiBindings> = async (c) => {
  const { districtId } = c.req.valid("param");
  await districtScope(c, districtId, READ_DISTRICT);
  return c.json({ districtId, ...(await practiceRuleSet(c.get("plane"), districtId)) }, 200);
};

/** A new version never replaces an old one: elections keep citing the version they used. */
export const put: AppRouteHandler<PutRoute, ApiBindings> = async (c) => {
  const { districtId } = c.req.valid("param");
  const body = c.req.valid("json");
  await districtScope(c, districtId, MANAGE_DISTRICT);
  const failures = checkPracticeRules(body.rules);
  if (failures.length) throw ruleViolation(failures);
  const plane = c.get("plane");
  const result = await directoryWrite(plane, await writeRequest(c), districtId, async () => {
    const current = await practiceRuleSet(plane, districtId);
    if (current.version !== body.version) throw new ProblemError("version_conflict", NEWER);
    const next = { districtId, version: current.version + 1, rules: body.rules };
    return {
      statements: [
        insertPracticeRuleSet(plane, {
          districtId,
          version: next.version,
          rules: body.rules,
          createdBy: c.get("principal").id,
        }),
      ],
      events: [
        {
          scopeId: districtId,
          districtId,
          action: "rules.practices_set",
          subjectType: "rule_set",
          subjectId: `${districtId}/practices`,
          before: current,
          after: next,
        },
      ],
      result: next,
    };
  }).catch(conflictAs(NEWER));
  return c.json(result, 200);
};
