import { attachmentCheckPage, directoryWrite, evidenceRuleSet, insertEvidenceRuleSet } from "@vanguard/db";
import { MANAGE_DISTRICT, READ_BRANCH, READ_DISTRICT } from "@vanguard/domain";
import {
  type AppRouteHandler,
  branchScope,
  conflictAs,
  decodeCursor,
  districtScope,
  encodeCursor,
  evidenceBucket,
  ProblemError,
  sha256Hex,
  writeRequest,
} from "@vanguard/platform";
import type { ApiBindings } from "../env";
import type { GetRulesRoute, PutRulesRoute, VerifyRoute } from "./evidence.routes";

const NEWER = {
  zh: "设置已有更新的版本，请刷新后重试",
  en: "A newer version of the settings exists; reload and retry",
};

/**
 * Reads each file of the page back from the bucket and hashes it. The expected hash is the one the
 * attaching event recorded (the chain vouches for it); the row's own copy must agree with it.
 */
export const verify: AppRouteHandler<VerifyRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor } = c.req.valid("query");
  const { tc } = await branchScope(c, branchId, READ_BRANCH);
  const bucket = evidenceBucket(c.env);
  const rows = await attachmentCheckPage(tc, decodeCursor(cursor), limit + 1);
  const pageRows = rows.slice(0, limit);
  const problems = [];
  for (const r of pageRows) {
    const expected = r.chainedSha256 ?? r.sha256;
    const base = { id: r.id, targetType: r.targetType, targetId: r.targetId, filename: r.filename };
    const object = await bucket.get(r.objectKey);
    if (!object) {
      problems.push({ ...base, status: "missing" as const, expectedSha256: expected, actualSha256: null });
      continue;
    }
    const actual = await sha256Hex(await object.arrayBuffer());
    if (actual !== expected) {
      problems.push({ ...base, status: "altered" as const, expectedSha256: expected, actualSha256: actual });
    } else if (r.chainedSha256 !== r.sha256) {
      problems.push({
        ...base,
        status: "unchained" as const,
        expectedSha256: expected,
        actualSha256: r.sha256,
      });
    }
  }
  const last = pageRows[pageRows.length - 1];
  return c.json(
    {
      checked: pageRows.length,
      ok: problems.length === 0,
      problems,
      nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null,
    },
    200,
  );
};

export const getRules: AppRouteHandler<GetRulesRoute, ApiBindings> = async (c) => {
  const { districtId } = c.req.valid("param");
  await districtScope(c, districtId, READ_DISTRICT);
  return c.json({ districtId, ...(await evidenceRuleSet(c.get("plane"), districtId)) }, 200);
};

/** A new version never replaces an old one, like every rule set. */
export const putRules: AppRouteHandler<PutRulesRoute, ApiBindings> = async (c) => {
  const { districtId } = c.req.valid("param");
  const body = c.req.valid("json");
  await districtScope(c, districtId, MANAGE_DISTRICT);
  const plane = c.get("plane");
  const req = await writeRequest(c);
  const result = await directoryWrite(plane, req, districtId, async () => {
    const current = await evidenceRuleSet(plane, districtId);
    if (current.version !== body.version) throw new ProblemError("version_conflict", NEWER);
    const next = { districtId, version: current.version + 1, rules: body.rules };
    return {
      statements: [
        insertEvidenceRuleSet(plane, {
          districtId,
          version: next.version,
          rules: body.rules,
          createdAt: new Date().toISOString(),
          createdBy: req.actor.principalId,
        }),
      ],
      events: [
        {
          scopeId: districtId,
          districtId,
          action: "rules.evidence_set",
          subjectType: "rule_set",
          subjectId: `${districtId}/evidence`,
          before: current,
          after: next,
        },
      ],
      result: next,
    };
  }).catch(conflictAs(NEWER));
  return c.json(result, 200);
};
