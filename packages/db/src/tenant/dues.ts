import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { duesBases, duesPayments } from "../schema/shard";
import { bulkInsert, statement } from "../write/sql";
import type { TenantContext } from "./context";

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

/** Bases and payments of a page of members, read in one round trip. */
export async function duesOf(
  tc: TenantContext,
  memberIds: string[],
  { year, fromMonth, toMonth }: { year: number; fromMonth: string; toMonth: string },
): Promise<{ bases: DuesBasisRow[]; payments: DuesPaymentRow[] }> {
  if (memberIds.length === 0) return { bases: [], payments: [] };
  const [bases, payments] = await tc.shard.db.batch([
    tc.shard.db
      .select()
      .from(duesBases)
      .where(
        and(
          eq(duesBases.branchId, tc.branchId),
          eq(duesBases.year, year),
          inArray(duesBases.memberId, memberIds),
        ),
      ),
    tc.shard.db
      .select()
      .from(duesPayments)
      .where(
        and(
          eq(duesPayments.branchId, tc.branchId),
          inArray(duesPayments.memberId, memberIds),
          sql`${duesPayments.month} BETWEEN ${fromMonth} AND ${toMonth}`,
        ),
      )
      .orderBy(asc(duesPayments.month)),
  ]);
  return { bases, payments };
}

/**
 * The month's totals over the whole branch: what current party members owe under their bases and
 * what was paid for the month. Two aggregates, whatever the branch's size.
 */
export async function duesTotals(
  tc: TenantContext,
  year: number,
  month: string,
  recordsFrom: string | null = null,
): Promise<{ expectedFen: number; membersDue: number; collectedFen: number; membersPaid: number }> {
  const lastDay = `${month}-31`;
  // a month is owed only when the branch's records and the member's time on its roll cover all of it
  const firstDay = `${month}-01`;
  const judged = recordsFrom === null || firstDay >= recordsFrom;
  const [expected, collected] = await tc.shard.d1.batch([
    tc.shard.d1
      .prepare(
        `SELECT coalesce(sum(b.monthly_due_fen), 0) AS fen, count(*) AS n
           FROM members m JOIN dues_bases b ON b.branch_id = m.branch_id AND b.member_id = m.id AND b.year = ?
          WHERE m.branch_id = ? AND m.left_on IS NULL AND m.status IN ('probationary', 'full')
            AND (m.joined_on IS NULL OR m.joined_on <= ?) AND m.joined_branch_on <= ? AND ?`,
      )
      .bind(year, tc.branchId, lastDay, firstDay, judged ? 1 : 0),
    tc.shard.d1
      .prepare(
        `SELECT coalesce(sum(p.amount_fen), 0) AS fen, count(*) AS n
           FROM dues_payments p JOIN members m ON m.branch_id = p.branch_id AND m.id = p.member_id AND m.left_on IS NULL
          WHERE p.branch_id = ? AND p.month = ?`,
      )
      .bind(tc.branchId, month),
  ]);
  const e = expected?.results?.[0] as { fen: number; n: number } | undefined;
  const p = collected?.results?.[0] as { fen: number; n: number } | undefined;
  return {
    expectedFen: e?.fen ?? 0,
    membersDue: e?.n ?? 0,
    collectedFen: p?.fen ?? 0,
    membersPaid: p?.n ?? 0,
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
