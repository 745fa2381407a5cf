import { and, eq, isNull } from "drizzle-orm";
import { members } from "../schema/shard";
import type { TenantContext } from "../tenant/context";
import { expectChanged, statement } from "../write/sql";

/** What a development step changes on the person's roll record. */
export interface MemberStatusChange {
  status?: (typeof members.$inferSelect)["status"];
  joinedOn?: string;
  /** a disqualified probationary member leaves the roll; the row stays as the branch's record */
  left?: { on: string; reason: string };
}

/**
 * The pipeline's one write to the roll (owned by the api worker): status and joining date move
 * with the step that earns them, in the same batch, and only if the member is still as read.
 */
export function changeMemberStatus(
  tc: TenantContext,
  memberId: string,
  version: number,
  change: MemberStatusChange,
  at: string,
): D1PreparedStatement[] {
  return [
    statement(
      tc.shard.d1,
      tc.shard.db
        .update(members)
        .set({
          ...(change.status ? { status: change.status } : {}),
          ...(change.joinedOn ? { joinedOn: change.joinedOn } : {}),
          ...(change.left ? { leftOn: change.left.on, leftReason: change.left.reason } : {}),
          updatedAt: at,
          version: version + 1,
        })
        .where(
          and(
            eq(members.districtId, tc.districtId),
            eq(members.branchId, tc.branchId),
            eq(members.id, memberId),
            eq(members.version, version),
            isNull(members.leftOn),
          ),
        ),
    ),
    expectChanged(tc.shard.d1),
  ];
}
