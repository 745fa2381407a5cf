import { getMember, newId, tenantWrite } from "@vanguard/db";
import { insertSanction, listSanctions, type SanctionRow } from "@vanguard/db/onboarding";
import { checkSanction, MANAGE_BRANCH, READ_BRANCH, todayIn } from "@vanguard/domain";
import {
  type AppRouteHandler,
  decodeCursor,
  moduleBranch,
  page,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import type { OnboardingBindings } from "../env";
import type { CreateRoute, ListRoute } from "./sanctions.routes";

function sanctionView(r: SanctionRow) {
  return {
    id: r.id,
    memberId: r.memberId,
    kind: r.kind,
    decidedOn: r.decidedOn,
    endsOn: r.endsOn,
    note: r.note,
    recordedAt: r.recordedAt,
    recordedBy: r.recordedBy,
  };
}

export const create: AppRouteHandler<CreateRoute, OnboardingBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  const today = todayIn(tc.timeZone);
  const req = await writeRequest(c, 201);
  const result = await tenantWrite(tc, req, async ({ event }) => {
    const member = await getMember(tc, body.memberId);
    const failures = checkSanction({
      memberStatus: member && !member.leftOn ? member.status : null,
      decidedOn: body.decidedOn,
      endsOn: body.endsOn ?? null,
      today,
    });
    if (failures.length) throw ruleViolation(failures);
    const row: SanctionRow = {
      branchId: tc.branchId,
      id: newId("sanction"),
      districtId: tc.districtId,
      memberId: body.memberId,
      kind: body.kind,
      decidedOn: body.decidedOn,
      endsOn: body.endsOn ?? null,
      note: body.note ?? null,
      recordedAt: new Date().toISOString(),
      recordedBy: req.actor.principalId,
    };
    return {
      statements: [insertSanction(tc, row)],
      events: [
        event({
          action: "member.sanctioned",
          subjectType: "member",
          subjectId: body.memberId,
          after: { sanctionId: row.id, kind: row.kind, decidedOn: row.decidedOn, endsOn: row.endsOn },
        }),
      ],
      result: sanctionView(row),
    };
  });
  return c.json(result, 201);
};

export const list: AppRouteHandler<ListRoute, OnboardingBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor, memberId } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const rows = await listSanctions(tc, { memberId, limit: limit + 1, after: decodeCursor(cursor) });
  return c.json(
    page(rows, limit, (r) => r.id, sanctionView),
    200,
  );
};
