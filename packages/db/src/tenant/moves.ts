import { todayIn } from "@vanguard/domain";
import { and, eq, isNull } from "drizzle-orm";
import { members } from "../schema/shard";
import { bulkInsert, expectChanged, rawStatement, statement } from "../write/sql";
import type { TenantContext } from "./context";
import type { MemberRecordTable } from "./member-record-table";
import type { MemberRow } from "./members";

export interface MemberSnapshot {
  member: MemberRow;
  records: { name: string; table: MemberRecordTable["table"]; rows: Record<string, unknown>[] }[];
}

/**
 * The member and their rows in `tables`. A transfer passes every member-owned table
 * (`memberRecordTables()` of `@vanguard/db/registry`); core knows only its own, so the list comes
 * from the caller.
 */
export async function snapshotMember(
  src: TenantContext,
  memberId: string,
  tables: readonly MemberRecordTable[],
): Promise<MemberSnapshot | undefined> {
  const member = await src.shard.db
    .select()
    .from(members)
    .where(and(eq(members.branchId, src.branchId), eq(members.id, memberId), isNull(members.leftOn)))
    .get();
  if (!member) return undefined;
  const queries = tables.map((t) =>
    src.shard.db
      .select()
      .from(t.table)
      .where(and(eq(t.branchId, src.branchId), eq(t.memberId, memberId))),
  );
  const results = queries.length
    ? await src.shard.db.batch(queries as [(typeof queries)[0], ...typeof queries])
    : [];
  return {
    member,
    records: tables.map(({ name, table }, i) => ({
      name,
      table,
      rows: (results[i] ?? []) as Record<string, unknown>[],
    })),
  };
}

/** The member lands in the receiving branch: same id, same history, a fresh version. */
export function arriveStatements(
  dst: TenantContext,
  snap: MemberSnapshot,
  transferId: string,
  at: string,
): D1PreparedStatement[] {
  const { member } = snap;
  const row = {
    ...member,
    districtId: dst.districtId,
    branchId: dst.branchId,
    leftOn: null,
    leftReason: null,
    transferId,
    // the receiving branch judges their dues and study from the day it accepted them
    joinedBranchOn: todayIn(dst.timeZone, new Date(at)),
    updatedAt: at,
    version: 1,
  };
  const { branchId: _b, id: _i, ...set } = row;
  const out = [
    statement(
      dst.shard.d1,
      dst.shard.db
        .insert(members)
        .values(row)
        .onConflictDoUpdate({ target: [members.branchId, members.id], set }),
    ),
  ];
  for (const { table, rows } of snap.records) {
    out.push(
      ...bulkInsert(
        dst.shard.d1,
        table,
        rows.map((r) => ({ ...r, districtId: dst.districtId, branchId: dst.branchId })),
        { onConflictDoNothing: true },
      ),
    );
  }
  return out;
}

/** The sending branch keeps its record of the member, marked as departed, and frees their posts. */
export function departStatements(
  src: TenantContext,
  memberId: string,
  transferId: string,
  on: string,
  at: string,
) {
  return [
    statement(
      src.shard.d1,
      src.shard.db
        .update(members)
        .set({ leftOn: on, leftReason: "transferred_out", transferId, updatedAt: at })
        .where(and(eq(members.branchId, src.branchId), eq(members.id, memberId), isNull(members.leftOn))),
    ),
    expectChanged(src.shard.d1),
    rawStatement(src.shard.d1, "DELETE FROM committee_posts WHERE branch_id = ? AND member_id = ?", [
      src.branchId,
      memberId,
    ]),
  ];
}

/** Closes an arrival that a failed move left behind, only if it is still the one this letter made. */
export function closeArrivalStatements(
  dst: TenantContext,
  memberId: string,
  transferId: string,
  on: string,
  at: string,
): D1PreparedStatement[] {
  return [
    statement(
      dst.shard.d1,
      dst.shard.db
        .update(members)
        .set({ leftOn: on, leftReason: "transfer_rolled_back", updatedAt: at })
        .where(
          and(
            eq(members.branchId, dst.branchId),
            eq(members.id, memberId),
            eq(members.transferId, transferId),
            isNull(members.leftOn),
          ),
        ),
    ),
    expectChanged(dst.shard.d1),
  ];
}
