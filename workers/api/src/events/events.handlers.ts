import { anchorsOf, type EventRow, listEvents, verifyBranchChain } from "@vanguard/db";
import { type AppRouteHandler, branchScope, decodeCursor, page } from "@vanguard/platform";
import type { ApiBindings } from "../env";
import { READ_BRANCH } from "../shared/roles";
import type { ListRoute, VerifyRoute } from "./events.routes";

const READERS = READ_BRANCH;

const view = (e: EventRow) => ({
  seq: e.seq,
  id: e.id,
  at: e.at,
  actor: e.actor,
  actorRole: e.actorRole,
  requestId: e.requestId,
  action: e.action,
  subjectType: e.subjectType,
  subjectId: e.subjectId,
  before: e.before === null ? null : JSON.parse(e.before),
  after: e.after === null ? null : JSON.parse(e.after),
  prevHash: e.prevHash,
  hash: e.hash,
});

export const list: AppRouteHandler<ListRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor, subjectId } = c.req.valid("query");
  const { tc } = await branchScope(c, branchId, READERS);
  const after = decodeCursor(cursor);
  const rows = await listEvents(tc, {
    limit: limit + 1,
    afterSeq: after === undefined ? undefined : Number(after),
    subjectId,
  });
  return c.json(
    page(rows, limit, (e) => e.seq, view),
    200,
  );
};

export const verify: AppRouteHandler<VerifyRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { tc } = await branchScope(c, branchId, READERS);
  const anchor = (await anchorsOf(c.get("plane"), [branchId])).get(branchId);
  return c.json(await verifyBranchChain(tc, anchor), 200);
};
