import { todayIn } from "@vanguard/domain";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { attachments } from "../schema/evidence";
import { members } from "../schema/shard";
import { bulkInsert, expectChanged, rawStatement, statement } from "../write/sql";
import type { TenantContext } from "./context";
import type { MemberRecordTable } from "./member-record-table";
import type { MemberRow } from "./members";

export interface MemberSnapshot {
  member: MemberRow;
  records: { name: string; table: MemberRecordTable["table"]; rows: Record<string, unknown>[] }[];
  /** the files attached to those rows (tables with `evidence`), superseded ones included */
  attachments: (typeof attachments.$inferSelect)[];
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
  const db = src.shard.db;
  const mine = (t: MemberRecordTable) => and(eq(t.branchId, src.branchId), eq(t.memberId, memberId));
  const queries = tables.map((t) => db.select().from(t.table).where(mine(t)));
  const files = tables.flatMap(({ evidence, ...t }) =>
    evidence
      ? [
          db
            .select()
            .from(attachments)
            .where(
              and(
                eq(attachments.branchId, src.branchId),
                eq(attachments.targetType, evidence.targetType),
                inArray(
                  evidence.ownerOf(attachments.targetId),
                  db.select({ key: evidence.key }).from(t.table).where(mine(t)),
                ),
              ),
            ),
        ]
      : [],
  );
  const all = [...queries, ...files];
  const results = all.length ? await db.batch(all as [(typeof all)[0], ...typeof all]) : [];
  return {
    member,
    records: tables.map(({ name, table }, i) => ({
      name,
      table,
      rows: (results[i] ?? []) as Record<string, unknown>[],
    })),
    attachments: results.slice(queries.length).flat() as MemberSnapshot["attachments"],
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
  for (const { table, rows } of [...snap.records, { table: attachments, rows: snap.attachments }]) {
    out.push(
      ...bulkInsert(
        dst.shard.d1,
        table,
        // a file keeps its object in the bucket (stored by hash, never deleted): the row names it
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
