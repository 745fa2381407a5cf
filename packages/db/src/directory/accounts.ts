import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { accounts, principals } from "../schema/directory";
import type { DataPlane } from "../shards";
import { statement } from "../write/sql";
import type { Principal } from "./keys";

export type Account = typeof accounts.$inferSelect;

export interface AccountHolder {
  account: Account;
  principal: Principal;
}

function withPrincipal(plane: DataPlane) {
  return plane.directory.db
    .select({ account: accounts, principal: principals })
    .from(accounts)
    .innerJoin(principals, eq(principals.id, accounts.principalId));
}

export async function getAccountByLogin(plane: DataPlane, login: string): Promise<AccountHolder | undefined> {
  const [row] = await withPrincipal(plane).where(eq(accounts.login, login)).limit(1);
  return row;
}

export async function getAccount(plane: DataPlane, accountId: string): Promise<AccountHolder | undefined> {
  const [row] = await withPrincipal(plane).where(eq(accounts.id, accountId)).limit(1);
  return row;
}

/** The accounts of a branch, or the district-level accounts of a district (no branch). */
export function listAccounts(
  plane: DataPlane,
  where: { branchId: string } | { districtId: string },
  { limit, after }: { limit: number; after?: string },
): Promise<AccountHolder[]> {
  const scope =
    "branchId" in where
      ? eq(principals.branchId, where.branchId)
      : and(eq(principals.districtId, where.districtId), isNull(principals.branchId));
  return withPrincipal(plane)
    .where(and(scope, after ? gt(accounts.id, after) : undefined))
    .orderBy(asc(accounts.id))
    .limit(limit);
}

export function insertAccount(plane: DataPlane, row: typeof accounts.$inferInsert): D1PreparedStatement {
  return statement(plane.directory.d1, plane.directory.db.insert(accounts).values(row));
}

/** Any change to an account, applied only over the version it was planned on (pair with `expectChanged`). */
export function updateAccount(
  plane: DataPlane,
  accountId: string,
  version: number,
  set: Partial<
    Pick<
      Account,
      | "passwordHash"
      | "mustChangePassword"
      | "failures"
      | "failureWindowAt"
      | "lockedUntil"
      | "lastLoginAt"
      | "passwordChangedAt"
      | "disabledAt"
      | "disabledBy"
    >
  >,
): D1PreparedStatement {
  return statement(
    plane.directory.d1,
    plane.directory.db
      .update(accounts)
      .set({ ...set, version: sql`${accounts.version} + 1` })
      .where(and(eq(accounts.id, accountId), eq(accounts.version, version))),
  );
}

/**
 * What lets a member sign in to a branch ends when they leave it: their member accounts there are
 * disabled and every session of them ends, in the same batch as the departure (pair with the
 * revocation of their member keys).
 */
export function endMemberAccountsStatements(
  plane: DataPlane,
  branchId: string,
  memberId: string,
  at: string,
  by: string,
): D1PreparedStatement[] {
  const d1 = plane.directory.d1;
  const theirs = `SELECT a.id FROM accounts a JOIN principals p ON p.id = a.principal_id
                   WHERE p.role = 'member' AND p.branch_id = ? AND p.member_id = ?`;
  return [
    d1
      .prepare(
        `UPDATE sessions SET ended_at = ?, end_reason = 'account_disabled'
          WHERE ended_at IS NULL AND account_id IN (${theirs})`,
      )
      .bind(at, branchId, memberId),
    d1
      .prepare(
        `UPDATE accounts SET disabled_at = ?, disabled_by = ?, version = version + 1
          WHERE disabled_at IS NULL AND id IN (${theirs})`,
      )
      .bind(at, by, branchId, memberId),
  ];
}
