import { attachmentCheckPage } from "@vanguard/db";
import { READ_BRANCH } from "@vanguard/domain";
import {
  type AppRouteHandler,
  branchScope,
  decodeCursor,
  encodeCursor,
  evidenceBucket,
  sha256Hex,
} from "@vanguard/platform";
import type { ApiBindings } from "../env";
import type { VerifyRoute } from "./evidence.routes";

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
