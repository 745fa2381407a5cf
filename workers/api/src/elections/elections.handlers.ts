import {
  currentRules,
  type ElectionRow,
  getCommittee,
  getCurrentMembers,
  insertElection,
  listElections,
  newId,
  replaceCommittee,
  tenantWrite,
} from "@vanguard/db";
import {
  checkCommittee,
  decideElection,
  failure,
  MANAGE_BRANCH,
  PRACTICE_RULES_KIND,
  READ_BRANCH,
  todayIn,
} from "@vanguard/domain";
import { type AppRouteHandler, branchScope, ruleViolation, writeRequest } from "@vanguard/platform";
import type { ApiBindings } from "../env";
import type { CreateRoute, ListRoute } from "./elections.routes";

function electionView(r: ElectionRow) {
  const { districtId: _d, branchId: _b, candidates, ...rest } = r;
  return {
    ...rest,
    candidates: JSON.parse(candidates) as { memberId: string; votes: number; elected: boolean }[],
  };
}

/**
 * 换届: the general assembly elects the committee (docs/domain.md §Committee terms and elections).
 * The election is recorded as it was held and seats the elected members, with the posts they
 * assigned, for the term the district's rule set gives, in one write.
 */
export const create: AppRouteHandler<CreateRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const body = c.req.valid("json");
  const { tc } = await branchScope(c, branchId, MANAGE_BRANCH);
  const ruleSet = await currentRules(c.get("plane"), tc.districtId, PRACTICE_RULES_KIND);
  const today = todayIn(tc.timeZone);
  const req = await writeRequest(c, 201);
  const result = await tenantWrite(tc, req, async ({ event }) => {
    const people = await getCurrentMembers(tc, [
      ...new Set([...body.candidates.map((x) => x.memberId), ...body.posts.map((p) => p.memberId)]),
    ]);
    const status = new Map(people.map((m) => [m.id, m.status]));
    const outcome = decideElection(
      {
        heldOn: body.heldOn,
        today,
        expectedVoters: body.expectedVoters,
        presentVoters: body.presentVoters,
        seats: body.seats,
        candidates: body.candidates.map((x) => ({ ...x, status: status.get(x.memberId) ?? null })),
      },
      ruleSet.rules,
    );
    if (outcome.failures.length) throw ruleViolation(outcome.failures);
    const elected = new Set(outcome.elected);
    const strangers = body.posts.filter((p) => !elected.has(p.memberId)).map((p) => p.memberId);
    const failures = strangers.length
      ? [
          failure(
            "election_post_not_elected",
            { zh: "只有当选的委员才能分工", en: "Only elected members take posts" },
            { memberIds: strangers },
          ),
        ]
      : checkCommittee({
          termStart: outcome.termStart,
          termEnd: outcome.termEnd,
          posts: body.posts.map((p) => ({ ...p, memberStatus: status.get(p.memberId) ?? null })),
        });
    if (failures.length) throw ruleViolation(failures);
    const before = await getCommittee(tc);
    const now = new Date().toISOString();
    const row = {
      id: newId("election"),
      heldOn: body.heldOn,
      expectedVoters: body.expectedVoters,
      presentVoters: body.presentVoters,
      seats: body.seats,
      candidates: JSON.stringify(body.candidates.map((x) => ({ ...x, elected: elected.has(x.memberId) }))),
      termStart: outcome.termStart,
      termEnd: outcome.termEnd,
      ruleSetVersion: ruleSet.version,
      recordedAt: now,
      recordedBy: req.actor.principalId,
    };
    const names = new Map(people.map((m) => [m.id, m.name]));
    const version = (before.committee?.version ?? 0) + 1;
    const committee = {
      branchId,
      termStart: outcome.termStart,
      termEnd: outcome.termEnd,
      posts: body.posts.map((p) => ({ ...p, name: names.get(p.memberId) ?? null })),
      version,
    };
    return {
      statements: [
        insertElection(tc, row),
        ...replaceCommittee(
          tc,
          { termStart: outcome.termStart, termEnd: outcome.termEnd, updatedAt: now, version },
          body.posts,
        ),
      ],
      events: [
        event({
          action: "committee.elected",
          subjectType: "committee",
          subjectId: branchId,
          before: before.committee
            ? { termStart: before.committee.termStart, termEnd: before.committee.termEnd }
            : null,
          after: { electionId: row.id, heldOn: row.heldOn, elected: outcome.elected, ...committee },
        }),
      ],
      result: { election: electionView({ ...row, districtId: tc.districtId, branchId }), committee },
    };
  });
  return c.json(result, 201);
};

export const list: AppRouteHandler<ListRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { tc } = await branchScope(c, branchId, READ_BRANCH);
  return c.json({ items: (await listElections(tc)).map(electionView) }, 200);
};
