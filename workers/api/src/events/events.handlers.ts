import {
  anchorsOf,
  type EventRow,
  GENESIS_HASH,
  listEvents,
  verifyBranchChain,
  verifyChainPage,
} from "@vanguard/db";
import { READ_BRANCH, type Role, redactPersonal } from "@vanguard/domain";
import {
  type AppRouteHandler,
  branchScope,
  decodeCursor,
  encodeCursor,
  invalid,
  page,
} from "@vanguard/platform";
import type { ApiBindings } from "../env";
import type { ListRoute, VerifyRoute } from "./events.routes";

const READERS = READ_BRANCH;

/** An entry as this reader may see it: personal fields narrowed on the way out, never rewritten. */
const view = (e: EventRow, reader: Role) => ({
  seq: e.seq,
  id: e.id,
  at: e.at,
  actor: e.actor,
  actorRole: e.actorRole,
  requestId: e.requestId,
  action: e.action,
  subjectType: e.subjectType,
  subjectId: e.subjectId,
  before: e.before === null ? null : redactPersonal(JSON.parse(e.before), reader),
  after: e.after === null ? null : redactPersonal(JSON.parse(e.after), reader),
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
    page(
      rows,
      limit,
      (e) => e.seq,
      (e) => view(e, c.get("principal").role),
    ),
    200,
  );
};

/** A full verify's cursor carries the last verified row and its hash, so each page links to the one before. */
function walkedTo(cursor: string | undefined): { seq: number; hash: string } {
  const at = decodeCursor(cursor);
  if (at === undefined) return { seq: 0, hash: GENESIS_HASH };
  const m = /^(\d+):([0-9a-f]{64})$/.exec(at);
  if (!m) throw invalid("cursor", { zh: "游标无效", en: "The cursor is not valid" });
  return { seq: Number(m[1]), hash: m[2]! };
}

export const verify: AppRouteHandler<VerifyRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { full, cursor, limit } = c.req.valid("query");
  const { tc } = await branchScope(c, branchId, READERS);
  const anchor = (await anchorsOf(c.get("plane"), [branchId])).get(branchId);
  if (!full) return c.json(await verifyBranchChain(tc, anchor), 200);
  const { verdict, next } = await verifyChainPage(tc, walkedTo(cursor), limit, anchor);
  return c.json({ ...verdict, nextCursor: next ? encodeCursor(`${next.seq}:${next.hash}`) : null }, 200);
};
