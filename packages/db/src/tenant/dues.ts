import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { duesBases, duesPayments, members } from "../schema/shard";
import { bulkInsert, statement } from "../write/sql";
import type { TenantContext } from "./context";
import { type ListedMember, listMembers, type MemberFilter, memberPageIds } from "./members";

export type DuesBasisRow = typeof duesBases.$inferSelect;
export type DuesPaymentRow = typeof duesPayments.$inferSelect;

export function getDuesBasis(
  tc: TenantContext,
  memberId: string,
  year: number,
): Promise<DuesBasisRow | undefined> {
  return tc.shard.db
    .select()
    .from(duesBases)
    .where(
      and(eq(duesBases.branchId, tc.branchId), eq(duesBases.memberId, memberId), eq(duesBases.year, year)),
    )
    .get();
}

export function upsertDuesBasis(
  tc: TenantContext,
  row: Omit<typeof duesBases.$inferInsert, "districtId" | "branchId">,
): D1PreparedStatement {
  const values = { ...row, districtId: tc.districtId, branchId: tc.branchId };
  return statement(
    tc.shard.d1,
    tc.shard.db
      .insert(duesBases)
      .values(values)
      .onConflictDoUpdate({
        target: [duesBases.branchId, duesBases.memberId, duesBases.year],
        set: {
          category: values.category,
          monthlyIncomeFen: values.monthlyIncomeFen,
          fixedFen: values.fixedFen ?? null,
          monthlyDueFen: values.monthlyDueFen,
          setAt: values.setAt,
          version: sql`${duesBases.version} + 1`,
        },
      }),
  );
}

export function insertPayment(
  tc: TenantContext,
  row: Omit<typeof duesPayments.$inferInsert, "districtId" | "branchId">,
): D1PreparedStatement {
  return statement(
    tc.shard.d1,
    tc.shard.db.insert(duesPayments).values({ ...row, districtId: tc.districtId, branchId: tc.branchId }),
  );
}

export function getPayment(
  tc: TenantContext,
  memberId: string,
  month: string,
): Promise<DuesPaymentRow | undefined> {
  return tc.shard.db
    .select()
    .from(duesPayments)
    .where(
      and(
        eq(duesPayments.branchId, tc.branchId),
        eq(duesPayments.memberId, memberId),
        eq(duesPayments.month, month),
      ),
    )
    .get();
}

/** A member's payments over the months looked back on, one row per member (not per payment). */
export interface PaidMonths {
  memberId: string;
  /** the months paid, in order */
  months: string[];
  /** the payment of the month asked for, if any */
  amountFen: number | null;
  paidOn: string | null;
}

/** The months paid, as `group_concat` packs them: one row per member instead of one per month. */
const paidMonthsSql = sql<string | null>`group_concat(${duesPayments.month}, ',')`;

/**
 * The same packing for each row of a select from `members`: the member's months paid in
 * [from, to]. The outer columns are spelled out, since drizzle names a lone table's columns
 * unqualified and the subquery's own would shadow them.
 */
export const memberPaidMonthsSql = (from: string, to: string) =>
  sql<string | null>`(SELECT group_concat(p.month, ',') FROM dues_payments p
    WHERE p.branch_id = "members"."branch_id" AND p.member_id = "members"."id"
      AND p.month BETWEEN ${from} AND ${to})`;

export const monthsOf = (packed: string | null | undefined): string[] =>
  packed ? packed.split(",").sort() : [];

export interface DuesMonth {
  members: ListedMember[];
  bases: DuesBasisRow[];
  paid: PaidMonths[];
  totals: { expectedFen: number; membersDue: number; collectedFen: number; membersPaid: number };
}

/**
 * Dues of a month in one round trip: a page of the roll, its members' bases and payments (found
 * through the page's ids as a subquery, so they need not wait for it) and the branch's totals for
 * the month (the same two aggregates as duesTotals). Five statements whatever the branch's size.
 */
export async function duesMonth(
  tc: TenantContext,
  page: MemberFilter,
  {
    year,
    fromMonth,
    month,
    recordsFrom,
  }: { year: number; fromMonth: string; month: string; recordsFrom: string | null },
): Promise<DuesMonth> {
  const db = tc.shard.db;
  const ids = memberPageIds(tc, page);
  const lastDay = `${month}-31`;
  const firstDay = `${month}-01`;
  // a month is owed only when the branch's records and the member's time on its roll cover all of it
  const judged = recordsFrom === null || firstDay >= recordsFrom;
  const [roll, bases, paid, expected, collected] = await db.batch([
    listMembers(tc, page),
    db
      .select()
      .from(duesBases)
      .where(
        and(eq(duesBases.branchId, tc.branchId), eq(duesBases.year, year), inArray(duesBases.memberId, ids)),
      ),
    db
      .select({
        memberId: duesPayments.memberId,
        months: paidMonthsSql,
        amountFen: sql<
          number | null
        >`max(CASE WHEN ${duesPayments.month} = ${month} THEN ${duesPayments.amountFen} END)`,
        paidOn: sql<
          string | null
        >`max(CASE WHEN ${duesPayments.month} = ${month} THEN ${duesPayments.paidOn} END)`,
      })
      .from(duesPayments)
      .where(
        and(
          eq(duesPayments.branchId, tc.branchId),
          inArray(duesPayments.memberId, ids),
          sql`${duesPayments.month} BETWEEN ${fromMonth} AND ${month}`,
        ),
      )
      .groupBy(duesPayments.memberId),
    db
      .select({ fen: sql<number>`coalesce(sum(${duesBases.monthlyDueFen}), 0)`, n: sql<number>`count(*)` })
      .from(members)
      .innerJoin(
        duesBases,
        and(
          eq(duesBases.branchId, members.branchId),
          eq(duesBases.memberId, members.id),
          eq(duesBases.year, year),
        ),
      )
      .where(
        and(
          eq(members.branchId, tc.branchId),
          isNull(members.leftOn),
          inArray(members.status, ["probationary", "full"]),
          sql`(${members.joinedOn} IS NULL OR ${members.joinedOn} <= ${lastDay})`,
          sql`${members.joinedBranchOn} <= ${firstDay}`,
          sql`${judged ? 1 : 0}`,
        ),
      ),
    db
      .select({ fen: sql<number>`coalesce(sum(${duesPayments.amountFen}), 0)`, n: sql<number>`count(*)` })
      .from(duesPayments)
      .innerJoin(
        members,
        and(
          eq(members.branchId, duesPayments.branchId),
          eq(members.id, duesPayments.memberId),
          isNull(members.leftOn),
        ),
      )
      .where(and(eq(duesPayments.branchId, tc.branchId), eq(duesPayments.month, month))),
  ]);
  return {
    members: roll,
    bases,
    paid: paid.map((p) => ({ ...p, months: monthsOf(p.months) })),
    totals: {
      expectedFen: expected[0]?.fen ?? 0,
      membersDue: expected[0]?.n ?? 0,
      collectedFen: collected[0]?.fen ?? 0,
      membersPaid: collected[0]?.n ?? 0,
    },
  };
}

/** Payments already recorded for months in [from, to]: what a history import must not record twice. */
export function paymentsBetween(
  tc: TenantContext,
  fromMonth: string,
  toMonth: string,
): Promise<{ memberId: string; month: string; amountFen: number }[]> {
  return tc.shard.db
    .select({ memberId: duesPayments.memberId, month: duesPayments.month, amountFen: duesPayments.amountFen })
    .from(duesPayments)
    .where(
      and(
        eq(duesPayments.branchId, tc.branchId),
        sql`${duesPayments.month} BETWEEN ${fromMonth} AND ${toMonth}`,
      ),
    );
}

/** Many payments in a few statements (one JSON parameter per 500 rows); a month already paid is left alone. */
export function insertPayments(
  tc: TenantContext,
  rows: Omit<typeof duesPayments.$inferInsert, "districtId" | "branchId">[],
): D1PreparedStatement[] {
  return bulkInsert(
    tc.shard.d1,
    duesPayments,
    rows.map((r) => ({ ...r, districtId: tc.districtId, branchId: tc.branchId })),
    { onConflictDoNothing: true },
  );
}
