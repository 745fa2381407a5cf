import {
  directoryWrite,
  expectChanged,
  getMember,
  getTransfer,
  insertTransfer,
  listTransfersOf,
  newId,
  pendingTransferFor,
  resolveBranch,
  setTransferStatus,
  type TransferRow,
} from "@vanguard/db";
import { failure, isTransferExpired, todayIn, transferExpiresOn, transferValidDays } from "@vanguard/domain";
import {
  type AppRouteHandler,
  actorOf,
  branchScope,
  conflictAs,
  decodeCursor,
  forbidden,
  notFound,
  ProblemError,
  page,
  requireRole,
  ruleViolation,
  seesBranch,
  writeRequest,
} from "@vanguard/platform";
import type { Context } from "hono";
import type { ApiBindings, ApiEnv } from "../env";
import { MANAGE_BRANCH, READ_BRANCH } from "../shared/roles";
import { moveMember } from "./move-member";
import type { AcceptRoute, CancelRoute, CreateRoute, GetRoute, ListOfBranchRoute } from "./transfers.routes";

function view(t: TransferRow, today: string) {
  return {
    id: t.id,
    memberId: t.memberId,
    memberName: t.memberName,
    fromDistrictId: t.fromDistrictId,
    fromBranchId: t.fromBranchId,
    toDistrictId: t.toDistrictId,
    toBranchId: t.toBranchId,
    status: t.status === "pending" && isTransferExpired(t.expiresOn, today) ? ("expired" as const) : t.status,
    issuedOn: t.issuedOn,
    expiresOn: t.expiresOn,
    note: t.note,
    createdAt: t.createdAt,
    acceptedAt: t.acceptedAt,
    version: t.version,
  };
}

export const create: AppRouteHandler<CreateRoute, ApiBindings> = async (c) => {
  const { branchId, memberId } = c.req.valid("param");
  const body = c.req.valid("json");
  const { tc, branch } = await branchScope(c, branchId, MANAGE_BRANCH);
  const plane = c.get("plane");
  const target = await resolveBranch(plane, body.toBranchId);
  if (!target || target.id === branchId) {
    throw ruleViolation([
      failure(
        target ? "transfer_to_other_branch" : "transfer_target_exists",
        target
          ? { zh: "不能转入本支部", en: "A member cannot transfer to their own branch" }
          : { zh: "接收支部不存在", en: "The receiving branch does not exist" },
        { toBranchId: body.toBranchId },
      ),
    ]);
  }
  const member = await getMember(tc, memberId);
  if (!member || member.leftOn) throw notFound();
  const today = todayIn(tc.timeZone);
  const pendingExists = { zh: "该党员已有未完成的转接", en: "This member already has an open transfer" };
  const existing = await pendingTransferFor(plane, branchId, memberId);
  if (existing && !(existing.status === "pending" && isTransferExpired(existing.expiresOn, today))) {
    throw new ProblemError("conflict", pendingExists);
  }
  const validDays = transferValidDays(target.districtId === branch.districtId, body.validDays);
  const row: TransferRow = {
    id: newId("transfer"),
    memberId,
    memberName: member.name,
    fromDistrictId: branch.districtId,
    fromBranchId: branchId,
    toDistrictId: target.districtId,
    toBranchId: target.id,
    status: "pending",
    issuedOn: today,
    expiresOn: transferExpiresOn(today, validDays),
    note: body.note ?? null,
    createdAt: new Date().toISOString(),
    createdBy: c.get("principal").id,
    acceptedAt: null,
    acceptedBy: null,
    version: 1,
  };
  const result = await directoryWrite(plane, await writeRequest(c, 201), branch.districtId, async () => ({
    statements: [
      // an expired letter that was never used is closed as the new one is issued
      ...(existing ? [setTransferStatus(plane, existing.id, "pending", "cancelled")] : []),
      insertTransfer(plane, row),
    ],
    events: [
      {
        scopeId: branch.districtId,
        districtId: branch.districtId,
        action: "transfer.issued",
        subjectType: "transfer",
        subjectId: row.id,
        after: view(row, today),
      },
    ],
    result: view(row, today),
  })).catch(conflictAs(pendingExists));
  return c.json(result, 201);
};

export const listOfBranch: AppRouteHandler<ListOfBranchRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor, direction } = c.req.valid("query");
  const { tc } = await branchScope(c, branchId, READ_BRANCH);
  const rows = await listTransfersOf(c.get("plane"), branchId, {
    direction,
    limit: limit + 1,
    after: decodeCursor(cursor),
  });
  const today = todayIn(tc.timeZone);
  return c.json(
    page(
      rows,
      limit,
      (t) => t.id,
      (t) => view(t, today),
    ),
    200,
  );
};

/** A letter is visible to both ends; only the named side may act on it. */
async function letter(c: Context<ApiEnv>, transferId: string, side: "from" | "to" | "either") {
  const p = c.get("principal");
  const t = await getTransfer(c.get("plane"), transferId);
  if (!t) throw notFound();
  const fromVisible = seesBranch(p, { id: t.fromBranchId, districtId: t.fromDistrictId });
  const toVisible = seesBranch(p, { id: t.toBranchId, districtId: t.toDistrictId });
  if (!fromVisible && !toVisible) throw notFound();
  if ((side === "from" && !fromVisible) || (side === "to" && !toVisible)) throw forbidden();
  return t;
}

export const get: AppRouteHandler<GetRoute, ApiBindings> = async (c) => {
  const { transferId } = c.req.valid("param");
  requireRole(c.get("principal"), READ_BRANCH);
  const t = await letter(c, transferId, "either");
  return c.json(view(t, todayIn("Asia/Shanghai")), 200);
};

export const accept: AppRouteHandler<AcceptRoute, ApiBindings> = async (c) => {
  const { transferId } = c.req.valid("param");
  const p = c.get("principal");
  const plane = c.get("plane");
  let t = await letter(c, transferId, "to");
  requireRole(p, MANAGE_BRANCH);
  const [from, to] = await Promise.all([
    resolveBranch(plane, t.fromBranchId),
    resolveBranch(plane, t.toBranchId),
  ]);
  if (!from || !to) throw notFound();
  const today = todayIn(to.timeZone);
  if (t.status === "accepted") return c.json(view(t, today), 200);
  if (t.status === "cancelled") {
    throw ruleViolation([
      failure("transfer_cancelled", { zh: "该介绍信已撤回", en: "The letter was withdrawn" }, { transferId }),
    ]);
  }
  if (t.status === "pending") {
    if (isTransferExpired(t.expiresOn, today)) {
      throw ruleViolation([
        failure(
          "transfer_expired",
          { zh: "介绍信已过有效期", en: "The letter has expired" },
          { expiresOn: t.expiresOn, today },
        ),
      ]);
    }
    // claim the letter so a concurrent withdrawal cannot interleave with the move
    await directoryWrite(plane, { actor: actorOf(c) }, t.fromDistrictId, async () => ({
      statements: [setTransferStatus(plane, t.id, "pending", "accepting"), expectChanged(plane.directory.d1)],
      events: [],
      result: null,
    }));
  }
  await moveMember(plane, { actor: actorOf(c) }, t, from, to, today);
  const acceptedAt = new Date().toISOString();
  await directoryWrite(plane, { actor: actorOf(c) }, t.fromDistrictId, async () => ({
    statements: [
      setTransferStatus(plane, t.id, "accepting", "accepted", { acceptedAt, acceptedBy: p.id }),
      expectChanged(plane.directory.d1),
    ],
    events: [
      {
        scopeId: t.fromDistrictId,
        districtId: t.fromDistrictId,
        action: "transfer.accepted",
        subjectType: "transfer",
        subjectId: t.id,
        after: { acceptedAt, acceptedBy: p.id, toBranchId: t.toBranchId },
      },
    ],
    result: null,
  }));
  t = { ...t, status: "accepted", acceptedAt, acceptedBy: p.id };
  return c.json(view(t, today), 200);
};

export const cancel: AppRouteHandler<CancelRoute, ApiBindings> = async (c) => {
  const { transferId } = c.req.valid("param");
  const plane = c.get("plane");
  const t = await letter(c, transferId, "from");
  requireRole(c.get("principal"), MANAGE_BRANCH);
  if (t.status !== "pending") {
    throw ruleViolation([
      failure(
        "transfer_pending",
        { zh: "只能撤回待接收的介绍信", en: "Only a pending letter can be withdrawn" },
        { status: t.status },
      ),
    ]);
  }
  await directoryWrite(plane, { actor: actorOf(c) }, t.fromDistrictId, async () => ({
    statements: [setTransferStatus(plane, t.id, "pending", "cancelled"), expectChanged(plane.directory.d1)],
    events: [
      {
        scopeId: t.fromDistrictId,
        districtId: t.fromDistrictId,
        action: "transfer.cancelled",
        subjectType: "transfer",
        subjectId: t.id,
      },
    ],
    result: null,
  }));
  return c.json(view({ ...t, status: "cancelled" }, todayIn("Asia/Shanghai")), 200);
};
