import {
  changeTransfer,
  type DataPlane,
  directoryWrite,
  type EventDraft,
  endMemberAccessStatements,
  movePersonStatement,
  type TransferChange,
  type TransferRow,
  type WriteRequest,
} from "@vanguard/db";

/**
 * Each move of a letter from one state to the next: one directory transaction that applies only to
 * the state the caller saw (its version), with its event on the sending district's log.
 */
async function step(
  plane: DataPlane,
  req: WriteRequest,
  seen: TransferRow,
  change: TransferChange,
  action: string,
  extra: D1PreparedStatement[] = [],
  after?: unknown,
): Promise<TransferRow> {
  const events: EventDraft[] = [
    {
      scopeId: seen.fromDistrictId,
      districtId: seen.fromDistrictId,
      action,
      subjectType: "transfer",
      subjectId: seen.id,
      before: { status: seen.status, version: seen.version },
      after: after ?? { status: change.status ?? seen.status, version: seen.version + 1 },
    },
  ];
  await directoryWrite(plane, req, seen.fromDistrictId, async () => ({
    statements: [...changeTransfer(plane, seen, change), ...extra],
    events,
    result: null,
  }));
  return { ...seen, ...change, version: seen.version + 1 };
}

/** pending → accepting: this request holds the accept until it finishes or its lease lapses. */
export function claimLetter(plane: DataPlane, req: WriteRequest, t: TransferRow, at: string) {
  return step(
    plane,
    req,
    t,
    { status: "accepting", claimId: req.actor.requestId, claimedAt: at },
    "transfer.accept_started",
  );
}

/** accepting → accepting under a new claim: a request that died half way is taken over. */
export function takeOverLetter(plane: DataPlane, req: WriteRequest, t: TransferRow, at: string) {
  return step(plane, req, t, { claimId: req.actor.requestId, claimedAt: at }, "transfer.accept_resumed", [], {
    previousClaimAt: t.claimedAt,
  });
}

/**
 * accepting → accepted: the member has moved. The person's register entry follows them, and what
 * let them act in the branch they left (member keys) ends with their membership there.
 */
export function completeLetter(
  plane: DataPlane,
  req: WriteRequest,
  t: TransferRow,
  at: string,
  acceptedBy: string,
) {
  return step(
    plane,
    req,
    t,
    { status: "accepted", acceptedAt: at, acceptedBy, claimId: null },
    "transfer.accepted",
    [
      movePersonStatement(plane, t.memberId, { districtId: t.toDistrictId, branchId: t.toBranchId }, at),
      ...endMemberAccessStatements(plane, t.fromBranchId, t.memberId, at, req.actor.principalId),
    ],
    { status: "accepted", acceptedAt: at, acceptedBy, toBranchId: t.toBranchId },
  );
}

/** accepting → pending: the move failed and was undone; the letter can be accepted again. */
export function rollBackLetter(plane: DataPlane, req: WriteRequest, t: TransferRow, reason: string) {
  return step(
    plane,
    req,
    t,
    { status: "pending", claimId: null, claimedAt: null },
    "transfer.accept_rolled_back",
    [],
    { status: "pending", reason },
  );
}

/** pending → expired: the receiving branch came after the letter's last day. */
export function expireLetter(plane: DataPlane, req: WriteRequest, t: TransferRow) {
  return step(plane, req, t, { status: "expired", claimId: null, claimedAt: null }, "transfer.expired");
}

/** pending (or a stuck accepting, once unwound) → cancelled, by the sending side. */
export function cancelLetter(
  plane: DataPlane,
  req: WriteRequest,
  t: TransferRow,
  at: string,
  reason: string | null,
) {
  return step(
    plane,
    req,
    t,
    {
      status: "cancelled",
      cancelledAt: at,
      cancelledBy: req.actor.principalId,
      cancelReason: reason,
      claimId: null,
      claimedAt: null,
    },
    "transfer.cancelled",
    [],
    { status: "cancelled", reason, wasAccepting: t.status === "accepting" },
  );
}
