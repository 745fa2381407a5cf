import {
  directoryWrite,
  getMember,
  getTransfer,
  insertTransfer,
  listTransfersOf,
  newId,
  openTransferOf,
  type ResolvedBranch,
  resolveBranch,
  type TransferRow,
  type WriteRequest,
} from "@vanguard/db";
import {
  failure,
  isTransferExpired,
  LETTER_ACCEPTED,
  LETTER_EXPIRED,
  MANAGE_BRANCH,
  planAccept,
  planCancel,
  READ_BRANCH,
  todayIn,
  transferExpiresOn,
  transferValidDays,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  actorOf,
  branchScope,
  conflictAs,
  decodeCursor,
  forbidden,
  log,
  notFound,
  type Principal,
  ProblemError,
  page,
  requireRole,
  ruleViolation,
  seesBranch,
  writeRequest,
} from "@vanguard/platform";
import type { Context } from "hono";
import type { ApiBindings, ApiEnv } from "../env";
import {
  cancelLetter,
  claimLetter,
  completeLetter,
  expireLetter,
  rollBackLetter,
  takeOverLetter,
} from "./letter-steps";
import { moveMember, moveProgress, undoArrival } from "./move-member";
import type { AcceptRoute, CancelRoute, CreateRoute, GetRoute, ListOfBranchRoute } from "./transfers.routes";

/** A letter as a caller sees it: a district the caller cannot see is not named. */
function view(t: TransferRow, today: string, p: Principal) {
  return {
    id: t.id,
    memberId: t.memberId,
    memberName: t.memberName,
    fromDistrictId: seesBranch(p, { id: t.fromBranchId, districtId: t.fromDistrictId })
      ? t.fromDistrictId
      : null,
    fromBranchId: t.fromBranchId,
    toDistrictId: seesBranch(p, { id: t.toBranchId, districtId: t.toDistrictId }) ? t.toDistrictId : null,
    toBranchId: t.toBranchId,
    status: t.status === "pending" && isTransferExpired(t.expiresOn, today) ? ("expired" as const) : t.status,
    issuedOn: t.issuedOn,
    expiresOn: t.expiresOn,
    note: t.note,
    createdAt: t.createdAt,
    acceptedAt: t.acceptedAt,
    cancelledAt: t.cancelledAt,
    cancelReason: t.cancelReason,
    version: t.version,
  };
}

const OPEN_LETTER = { zh: "该党员已有未完成的转接", en: "This member already has an open transfer" };

export const create: AppRouteHandler<CreateRoute, ApiBindings> = async (c) => {
  const { branchId, memberId } = c.req.valid("param");
  const body = c.req.valid("json");
  const { tc, branch } = await branchScope(c, branchId, MANAGE_BRANCH);
  const plane = c.get("plane");
  const p = c.get("principal");
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
  const existing = await openTransferOf(plane, memberId);
  const lapsed = existing?.status === "pending" && isTransferExpired(existing.expiresOn, today);
  if (existing && !lapsed) throw new ProblemError("conflict", OPEN_LETTER);
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
    createdBy: p.id,
    acceptedAt: null,
    acceptedBy: null,
    claimId: null,
    claimedAt: null,
    cancelledAt: null,
    cancelledBy: null,
    cancelReason: null,
    version: 1,
  };
  const result = await directoryWrite(plane, await writeRequest(c, 201), branch.districtId, async () => ({
    statements: [
      // a letter that lapsed unused is closed as the new one is issued; the database keeps one open
      ...(existing && lapsed
        ? [
            plane.directory.d1
              .prepare(
                "UPDATE transfers SET status = 'expired', version = version + 1 WHERE id = ? AND version = ?",
              )
              .bind(existing.id, existing.version),
          ]
        : []),
      insertTransfer(plane, row),
    ],
    events: [
      {
        scopeId: branch.districtId,
        districtId: branch.districtId,
        action: "transfer.issued",
        subjectType: "transfer",
        subjectId: row.id,
        after: view(row, today, p),
      },
    ],
    result: view(row, today, p),
  })).catch(conflictAs(OPEN_LETTER));
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
  const p = c.get("principal");
  return c.json(
    page(
      rows,
      limit,
      (t) => t.id,
      (t) => view(t, today, p),
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

async function ends(c: Context<ApiEnv>, t: TransferRow): Promise<[ResolvedBranch, ResolvedBranch]> {
  const plane = c.get("plane");
  const [from, to] = await Promise.all([
    resolveBranch(plane, t.fromBranchId),
    resolveBranch(plane, t.toBranchId),
  ]);
  if (!from || !to) throw notFound();
  return [from, to];
}

const inProgress = (retryAfterSeconds: number) =>
  new ProblemError(
    "conflict",
    {
      zh: "该介绍信正在办理接收，请稍后再试",
      en: "The letter is being accepted right now; try again shortly",
    },
    [],
    { "Retry-After": String(retryAfterSeconds) },
  );

export const get: AppRouteHandler<GetRoute, ApiBindings> = async (c) => {
  const { transferId } = c.req.valid("param");
  requireRole(c.get("principal"), READ_BRANCH);
  const t = await letter(c, transferId, "either");
  return c.json(view(t, todayIn("Asia/Shanghai"), c.get("principal")), 200);
};

/**
 * After a move failed: a member who already left the sender has arrived (the move only lacks its
 * last step, so it is finished); otherwise an arrival is undone and the letter is pending again.
 * Whatever fails here leaves the letter `accepting` under a claim whose lease lapses: the next accept
 * resumes it, the sender may withdraw it, and the audit reports it if nobody does.
 */
async function recover(
  c: Context<ApiEnv>,
  req: WriteRequest,
  t: TransferRow,
  from: ResolvedBranch,
  to: ResolvedBranch,
  today: string,
  cause: unknown,
): Promise<TransferRow | "rolled_back" | "stuck"> {
  const plane = c.get("plane");
  try {
    const progress = await moveProgress(plane, t, from, to);
    if (progress.departed) {
      return await completeLetter(plane, req, t, new Date().toISOString(), c.get("principal").id);
    }
    if (progress.arrived) await undoArrival(plane, req, t, to, today);
    await rollBackLetter(plane, req, t, cause instanceof ProblemError ? cause.code : "move_failed");
    return "rolled_back";
  } catch (err) {
    log(
      "error",
      "transfer accept could not be rolled back; the letter stays accepting until its lease lapses",
      {
        requestId: c.get("requestId"),
        transferId: t.id,
        error: String(err),
      },
    );
  }
  return "stuck";
}

export const accept: AppRouteHandler<AcceptRoute, ApiBindings> = async (c) => {
  const { transferId } = c.req.valid("param");
  const p = c.get("principal");
  const plane = c.get("plane");
  let t = await letter(c, transferId, "to");
  requireRole(p, MANAGE_BRANCH);
  const [from, to] = await ends(c, t);
  const today = todayIn(to.timeZone);
  const req: WriteRequest = { actor: actorOf(c) };
  const now = new Date();
  const plan = planAccept(t, today, now);
  switch (plan.kind) {
    case "done":
      return c.json(view(t, today, p), 200);
    case "refuse":
      throw ruleViolation([plan.failure]);
    case "busy":
      throw inProgress(plan.retryAfterSeconds);
    case "expire":
      await expireLetter(plane, req, t);
      throw ruleViolation([plan.failure]);
    case "claim":
      t = await claimLetter(plane, req, t, now.toISOString());
      break;
    case "resume": {
      t = await takeOverLetter(plane, req, t, now.toISOString());
      if (plan.expired) {
        const progress = await moveProgress(plane, t, from, to);
        // a move that reached the sender before the letter lapsed is finished below; any other is undone
        if (!progress.departed) {
          if (progress.arrived) await undoArrival(plane, req, t, to, today);
          await expireLetter(plane, req, t);
          throw ruleViolation([LETTER_EXPIRED(t.expiresOn, today)]);
        }
      }
    }
  }
  try {
    await moveMember(plane, req, t, from, to, today);
  } catch (err) {
    const outcome = await recover(c, req, t, from, to, today, err);
    if (outcome === "stuck") throw err;
    if (outcome !== "rolled_back") return c.json(view(outcome, today, p), 200);
    if (err instanceof ProblemError && err.status < 500) throw err;
    throw new ProblemError(
      "unavailable",
      {
        zh: "接收未能完成，已恢复为待接收，党员仍在转出支部；请稍后重试",
        en: "The accept could not finish and was rolled back: the letter is pending and the member is still in the sending branch; try again shortly",
      },
      [],
      { "Retry-After": "5" },
    );
  }
  t = await completeLetter(plane, req, t, new Date().toISOString(), p.id);
  return c.json(view(t, today, p), 200);
};

export const cancel: AppRouteHandler<CancelRoute, ApiBindings> = async (c) => {
  const { transferId } = c.req.valid("param");
  const reason = c.req.valid("json")?.reason ?? null;
  const plane = c.get("plane");
  const p = c.get("principal");
  const t = await letter(c, transferId, "from");
  requireRole(p, MANAGE_BRANCH);
  const req: WriteRequest = { actor: actorOf(c) };
  const today = todayIn("Asia/Shanghai");
  const plan = planCancel(t, new Date());
  switch (plan.kind) {
    case "done":
      return c.json(view(t, today, p), 200);
    case "refuse":
      throw ruleViolation([plan.failure]);
    case "busy":
      throw inProgress(plan.retryAfterSeconds);
    case "cancel":
      return c.json(view(await cancelLetter(plane, req, t, new Date().toISOString(), reason), today, p), 200);
    case "unwind": {
      // a stuck accept: finish it if the member already left, otherwise undo the arrival and withdraw
      const [from, to] = await ends(c, t);
      const progress = await moveProgress(plane, t, from, to);
      if (progress.departed) {
        await completeLetter(plane, req, t, new Date().toISOString(), p.id);
        throw ruleViolation([LETTER_ACCEPTED(t.id)]);
      }
      if (progress.arrived) await undoArrival(plane, req, t, to, todayIn(to.timeZone));
      return c.json(view(await cancelLetter(plane, req, t, new Date().toISOString(), reason), today, p), 200);
    }
  }
};
