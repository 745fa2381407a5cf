import { and, eq, isNull, ne } from "drizzle-orm";
import { sessions } from "../schema/directory";
import type { DataPlane } from "../shards";
import { statement } from "../write/sql";
import type { ResolvedBranch } from "./branches";
import { branchFromRow, branchStatement, type Principal, principalFromRow } from "./keys";

export type SessionRow = typeof sessions.$inferSelect;
export type EndReason = NonNullable<SessionRow["endReason"]>;

/** What a live session resolves to: its times, its account and the account's principal. */
export interface SessionHolder {
  idHash: string;
  createdAt: string;
  seenAt: string;
  accountId: string;
  login: string;
  displayName: string;
  mustChangePassword: boolean;
  principal: Principal;
}

const LIVE_SESSION = `SELECT s.id_hash, s.created_at AS session_created_at, s.seen_at, a.id AS account_id, a.login,
        a.display_name, a.must_change_password, p.id, p.role, p.district_id, p.branch_id, p.member_id,
        p.audit_districts, p.label, p.created_at, p.created_by
   FROM sessions s JOIN accounts a ON a.id = s.account_id JOIN principals p ON p.id = a.principal_id
  WHERE s.id_hash = ? AND s.ended_at IS NULL AND a.disabled_at IS NULL LIMIT 1`;

type Row = Record<string, string | number | null>;

function holderFromRow(r: Row): SessionHolder {
  return {
    idHash: String(r.id_hash),
    createdAt: String(r.session_created_at),
    seenAt: String(r.seen_at),
    accountId: String(r.account_id),
    login: String(r.login),
    displayName: String(r.display_name),
    mustChangePassword: Boolean(r.must_change_password),
    principal: principalFromRow(r),
  };
}

/**
 * A session by the hash of its id, with its account and principal, in one indexed lookup. Ended
 * sessions and disabled accounts are not found; expiry is the caller's to judge (by its clock).
 */
export async function findLiveSession(plane: DataPlane, idHash: string): Promise<SessionHolder | undefined> {
  const row = await plane.directory.d1.prepare(LIVE_SESSION).bind(idHash).first<Row>();
  return row ? holderFromRow(row) : undefined;
}

/** The session and the branch a request names, in one round trip (as keys are resolved). */
export async function findLiveSessionAndBranch(
  plane: DataPlane,
  idHash: string,
  branchId: string,
): Promise<{ holder: SessionHolder | undefined; branch: ResolvedBranch | undefined }> {
  const d1 = plane.directory.d1;
  const [s, b] = await d1.batch<Row>([d1.prepare(LIVE_SESSION).bind(idHash), branchStatement(d1, branchId)]);
  const sr = s?.results?.[0];
  const br = b?.results?.[0];
  return { holder: sr ? holderFromRow(sr) : undefined, branch: br ? branchFromRow(br) : undefined };
}

export function insertSession(plane: DataPlane, row: typeof sessions.$inferInsert): D1PreparedStatement {
  return statement(plane.directory.d1, plane.directory.db.insert(sessions).values(row));
}

/** Moves a live session's idle clock. */
export function touchSession(plane: DataPlane, idHash: string, at: string): D1PreparedStatement {
  return statement(
    plane.directory.d1,
    plane.directory.db
      .update(sessions)
      .set({ seenAt: at })
      .where(and(eq(sessions.idHash, idHash), isNull(sessions.endedAt))),
  );
}

export function endSession(
  plane: DataPlane,
  idHash: string,
  at: string,
  reason: EndReason,
): D1PreparedStatement {
  return statement(
    plane.directory.d1,
    plane.directory.db
      .update(sessions)
      .set({ endedAt: at, endReason: reason })
      .where(and(eq(sessions.idHash, idHash), isNull(sessions.endedAt))),
  );
}

/** Ends every live session of an account, or every one but `keep` (the session that asked). */
export function endAccountSessions(
  plane: DataPlane,
  accountId: string,
  at: string,
  reason: EndReason,
  keep?: string,
): D1PreparedStatement {
  return statement(
    plane.directory.d1,
    plane.directory.db
      .update(sessions)
      .set({ endedAt: at, endReason: reason })
      .where(
        and(
          eq(sessions.accountId, accountId),
          isNull(sessions.endedAt),
          keep ? ne(sessions.idHash, keep) : undefined,
        ),
      ),
  );
}
