import { ConflictError, directoryWrite, insertRuleSet } from "@vanguard/db";
import { checkStudyRules, MANAGE_DISTRICT, READ_DISTRICT, type StudyRules } from "@vanguard/domain";
import {
  type AppRouteHandler,
  moduleDistrict,
  ProblemError,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import { forgetLatest, latestRules, RULE_MODULE, type VersionedRules } from "./rule-sets";
import type { GetRoute, PutRoute } from "./rules.routes";

const view = (districtId: string, v: VersionedRules) => ({
  districtId,
  version: v.version,
  createdAt: v.createdAt,
  ...v.rules,
});

export const get: AppRouteHandler<GetRoute> = async (c) => {
  const { districtId } = c.req.valid("param");
  moduleDistrict(c, districtId, READ_DISTRICT);
  return c.json(view(districtId, await latestRules(c.get("plane"), districtId)), 200);
};

export const put: AppRouteHandler<PutRoute> = async (c) => {
  const { districtId } = c.req.valid("param");
  const { version, districtId: _sent, createdAt: _ignored, ...rules } = c.req.valid("json");
  moduleDistrict(c, districtId, MANAGE_DISTRICT);
  const body: StudyRules = rules;
  const failures = checkStudyRules(body);
  if (failures.length) throw ruleViolation(failures);
  const plane = c.get("plane");
  const req = await writeRequest(c);
  const result = await directoryWrite(plane, req, districtId, async () => {
    const current = await latestRules(plane, districtId);
    if (current.version !== version) throw new ProblemError("version_conflict");
    const next: VersionedRules = { version: version + 1, rules: body, createdAt: new Date().toISOString() };
    return {
      statements: [
        insertRuleSet(plane, {
          districtId,
          module: RULE_MODULE,
          version: next.version,
          body: JSON.stringify(body),
          createdAt: next.createdAt!,
          createdBy: req.actor.principalId,
        }),
      ],
      events: [
        {
          scopeId: districtId,
          districtId,
          action: "study.rules_published",
          subjectType: "rule_set",
          subjectId: `${RULE_MODULE}:${next.version}`,
          before: { version: current.version },
          after: view(districtId, next),
        },
      ],
      result: view(districtId, next),
    };
  }).catch((err: unknown) => {
    // two publishers raced for the same next version: the loser read a stale one
    if (err instanceof ConflictError) throw new ProblemError("version_conflict");
    throw err;
  });
  forgetLatest(districtId);
  return c.json(result, 200);
};
