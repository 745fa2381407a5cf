import {
  getCommittee,
  getCurrentMembers,
  replaceCommittee,
  type TenantContext,
  tenantWrite,
} from "@vanguard/db";
import { type CommitteePost, checkCommittee, MANAGE_BRANCH, READ_BRANCH } from "@vanguard/domain";
import {
  type AppRouteHandler,
  branchScope,
  ProblemError,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import type { ApiBindings } from "../env";
import type { GetRoute, PutRoute } from "./committee.routes";

async function committeeView(tc: TenantContext) {
  const { committee, posts } = await getCommittee(tc);
  const people = await getCurrentMembers(tc, [...new Set(posts.map((p) => p.memberId))]);
  const names = new Map(people.map((m) => [m.id, m.name]));
  return {
    branchId: tc.branchId,
    termStart: committee?.termStart ?? null,
    termEnd: committee?.termEnd ?? null,
    posts: posts.map((p) => ({
      memberId: p.memberId,
      post: p.post as CommitteePost,
      name: names.get(p.memberId) ?? null,
    })),
    version: committee?.version ?? 0,
  };
}

export const put: AppRouteHandler<PutRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const body = c.req.valid("json");
  const { tc } = await branchScope(c, branchId, MANAGE_BRANCH);
  const result = await tenantWrite(tc, await writeRequest(c), async ({ event }) => {
    const before = await committeeView(tc);
    if (body.version !== undefined && body.version !== before.version)
      throw new ProblemError("version_conflict");
    const people = await getCurrentMembers(tc, [...new Set(body.posts.map((p) => p.memberId))]);
    const status = new Map(people.map((m) => [m.id, m.status]));
    const failures = checkCommittee({
      termStart: body.termStart,
      termEnd: body.termEnd,
      posts: body.posts.map((p) => ({ ...p, memberStatus: status.get(p.memberId) ?? null })),
    });
    if (failures.length) throw ruleViolation(failures);
    const names = new Map(people.map((m) => [m.id, m.name]));
    const after = {
      branchId,
      termStart: body.termStart,
      termEnd: body.termEnd,
      posts: body.posts.map((p) => ({ ...p, name: names.get(p.memberId) ?? null })),
      version: before.version + 1,
    };
    return {
      statements: replaceCommittee(
        tc,
        {
          termStart: body.termStart,
          termEnd: body.termEnd,
          updatedAt: new Date().toISOString(),
          version: after.version,
        },
        body.posts,
      ),
      events: [
        event({ action: "committee.set", subjectType: "committee", subjectId: branchId, before, after }),
      ],
      result: after,
    };
  });
  return c.json(result, 200);
};

export const get: AppRouteHandler<GetRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { tc } = await branchScope(c, branchId, READ_BRANCH);
  return c.json(await committeeView(tc), 200);
};
