import {
  arriveStatements,
  closeArrivalStatements,
  type DataPlane,
  departStatements,
  type EventDraft,
  getMember,
  type MemberSnapshot,
  RECEIVED_ACTION,
  type ResolvedBranch,
  snapshotMember,
  type TenantContext,
  type TransferRow,
  tenantContext,
  tenantWrite,
  type WriteRequest,
} from "@vanguard/db";
import { memberRecordTables } from "@vanguard/db/registry";
import { failure } from "@vanguard/domain";
import { ruleViolation } from "@vanguard/platform";
import { memberView } from "../members/members.view";

const ctx = (plane: DataPlane, b: ResolvedBranch) => tenantContext(plane, { ...b, branchId: b.id });

/** The member with every row of theirs that travels: the registry lists the tables of every module. */
const snapshot = (src: TenantContext, memberId: string) =>
  snapshotMember(src, memberId, memberRecordTables());

/**
 * The sending branch's event, then the receiving branch's: the member's arrival and one event per
 * file that came with them, carrying its SHA-256 as an attaching event does, so the receiving
 * branch's chain vouches for the bytes (`/attachments/verify`).
 */
function moveEvents(
  t: TransferRow,
  src: TenantContext,
  dst: TenantContext,
  snap: MemberSnapshot,
  after: unknown,
): [EventDraft, EventDraft[]] {
  const common = { subjectType: "member", subjectId: t.memberId };
  const here = { scopeId: dst.branchId, districtId: dst.districtId };
  return [
    {
      ...common,
      scopeId: src.branchId,
      districtId: src.districtId,
      action: "member.transferred_out",
      before: memberView(snap.member),
      after: { transferId: t.id, toBranchId: t.toBranchId },
    },
    [
      { ...common, ...here, action: "member.transferred_in", after },
      ...snap.attachments.map((a) => ({
        ...here,
        action: RECEIVED_ACTION,
        subjectType: "attachment",
        subjectId: a.id,
        after: {
          target: { type: a.targetType, id: a.targetId },
          document: a.document,
          filename: a.filename,
          contentType: a.contentType,
          size: a.size,
          sha256: a.sha256,
          memberId: t.memberId,
          transferId: t.id,
          fromBranchId: src.branchId,
        },
      })),
    ],
  ];
}

/**
 * Moves a member between branches as a transfer letter says. On one shard it is one transaction
 * across both branches' chains. Across shards it is two: the member first lands in the receiving
 * branch, then leaves the sending one; each step checks whether it already happened, so an
 * interrupted accept can simply be run again.
 */
export async function moveMember(
  plane: DataPlane,
  req: WriteRequest,
  t: TransferRow,
  from: ResolvedBranch,
  to: ResolvedBranch,
  on: string,
): Promise<void> {
  const src = ctx(plane, from);
  const dst = ctx(plane, to);
  const at = new Date().toISOString();
  const gone = () =>
    ruleViolation([
      failure(
        "transfer_member_present",
        { zh: "该党员已不在转出支部", en: "The member is no longer in the sending branch" },
        { memberId: t.memberId },
      ),
    ]);

  if (src.shard.index === dst.shard.index) {
    await tenantWrite(
      src,
      req,
      async () => {
        const snap = await snapshot(src, t.memberId);
        if (!snap) {
          const arrived = await getMember(dst, t.memberId);
          if (arrived?.transferId === t.id && !arrived.leftOn)
            return { statements: [], events: [], result: null };
          throw gone();
        }
        const after = memberView({
          ...snap.member,
          branchId: dst.branchId,
          districtId: dst.districtId,
          transferId: t.id,
        });
        return {
          statements: [
            ...arriveStatements(dst, snap, t.id, at),
            ...departStatements(src, t.memberId, t.id, on, at),
          ],
          events: moveEvents(t, src, dst, snap, after).flat(),
          result: null,
        };
      },
      [dst.branchId],
    );
    return;
  }

  const snap = await snapshot(src, t.memberId);
  if (snap) {
    const after = memberView({
      ...snap.member,
      branchId: dst.branchId,
      districtId: dst.districtId,
      transferId: t.id,
    });
    const [outEvent, inEvents] = moveEvents(t, src, dst, snap, after);
    await tenantWrite(dst, req, async () => {
      const arrived = await getMember(dst, t.memberId);
      if (arrived?.transferId === t.id && !arrived.leftOn)
        return { statements: [], events: [], result: null };
      return { statements: arriveStatements(dst, snap, t.id, at), events: inEvents, result: null };
    });
    await tenantWrite(src, req, async () => {
      const still = await getMember(src, t.memberId);
      if (!still || still.leftOn) return { statements: [], events: [], result: null };
      return {
        statements: departStatements(src, t.memberId, t.id, on, at),
        events: [outEvent],
        result: null,
      };
    });
    return;
  }
  const arrived = await getMember(dst, t.memberId);
  if (!(arrived?.transferId === t.id && !arrived.leftOn)) throw gone();
}

/** How far a move has gone: whether the member left the sender under this letter, and arrived. */
export async function moveProgress(
  plane: DataPlane,
  t: TransferRow,
  from: ResolvedBranch,
  to: ResolvedBranch,
): Promise<{ departed: boolean; arrived: boolean }> {
  const [left, landed] = await Promise.all([
    getMember(ctx(plane, from), t.memberId),
    getMember(ctx(plane, to), t.memberId),
  ]);
  return {
    departed: !!left?.leftOn && left.transferId === t.id,
    arrived: !!landed && !landed.leftOn && landed.transferId === t.id,
  };
}

/**
 * Undoes an arrival whose departure never happened (a move across shards that failed half way): the
 * receiving branch's record of the member is closed as rolled back — kept, like every record, with
 * its event — so the member is current in exactly one branch again.
 */
export async function undoArrival(
  plane: DataPlane,
  req: WriteRequest,
  t: TransferRow,
  to: ResolvedBranch,
  on: string,
): Promise<void> {
  const dst = ctx(plane, to);
  await tenantWrite(dst, req, async ({ event }) => {
    const landed = await getMember(dst, t.memberId);
    if (!landed || landed.leftOn || landed.transferId !== t.id)
      return { statements: [], events: [], result: null };
    return {
      statements: closeArrivalStatements(dst, t.memberId, t.id, on, new Date().toISOString()),
      events: [
        event({
          action: "member.transfer_rolled_back",
          subjectType: "member",
          subjectId: t.memberId,
          before: memberView(landed),
          after: { leftOn: on, leftReason: "transfer_rolled_back", transferId: t.id },
        }),
      ],
      result: null,
    };
  });
}
