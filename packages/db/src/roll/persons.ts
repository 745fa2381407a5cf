import type { persons } from "../schema/directory";
import type { DataPlane } from "../shards";
import { rawStatement } from "../write/sql";

export type PersonRow = typeof persons.$inferSelect;

/** Where a person's one current place on a roll is. */
export interface PersonPlace {
  memberId: string;
  districtId: string;
  branchId: string;
}

/**
 * Claims each identity-number hash for a member unless someone already holds it (one statement
 * however many rows: the rows travel as one JSON value), then reads who holds each: the caller sees
 * its own claims and the holders it has to judge in one round trip.
 */
export async function claimPersons(
  plane: DataPlane,
  claims: (PersonPlace & { idHash: string })[],
  at: string,
): Promise<Map<string, PersonRow>> {
  const d1 = plane.directory.d1;
  const held = new Map<string, PersonRow>();
  for (let i = 0; i < claims.length; i += 2000) {
    const chunk = claims.slice(i, i + 2000);
    const hashes = JSON.stringify(chunk.map((c) => c.idHash));
    const [, found] = await d1.batch<Record<string, string>>([
      rawStatement(
        d1,
        `INSERT OR IGNORE INTO persons (id_hash, member_id, district_id, branch_id, claimed_at)
           SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
                  json_extract(value, '$[3]'), ? FROM json_each(?)`,
        [at, JSON.stringify(chunk.map((c) => [c.idHash, c.memberId, c.districtId, c.branchId]))],
      ),
      rawStatement(
        d1,
        `SELECT id_hash, member_id, district_id, branch_id, claimed_at FROM persons
          WHERE id_hash IN (SELECT value FROM json_each(?))`,
        [hashes],
      ),
    ]);
    for (const r of found?.results ?? []) {
      held.set(r.id_hash!, {
        idHash: r.id_hash!,
        memberId: r.member_id!,
        districtId: r.district_id!,
        branchId: r.branch_id!,
        claimedAt: r.claimed_at!,
      });
    }
  }
  return held;
}

/** Hands a stale claim (its member left, or never landed) to a new member, if nobody else did first. */
export async function takeOverPerson(
  plane: DataPlane,
  idHash: string,
  staleMemberId: string,
  to: PersonPlace,
  at: string,
): Promise<boolean> {
  const r = await rawStatement(
    plane.directory.d1,
    `UPDATE persons SET member_id = ?, district_id = ?, branch_id = ?, claimed_at = ?
      WHERE id_hash = ? AND member_id = ?`,
    [to.memberId, to.districtId, to.branchId, at, idHash, staleMemberId],
  ).run();
  return (r.meta.changes ?? 0) > 0;
}

/** Gives back claims of persons whose member was not written (or no longer has that number). */
export async function releasePersons(
  plane: DataPlane,
  claims: { idHash: string; memberId: string }[],
): Promise<void> {
  if (claims.length === 0) return;
  await rawStatement(
    plane.directory.d1,
    `DELETE FROM persons WHERE (id_hash, member_id) IN
       (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))`,
    [JSON.stringify(claims.map((c) => [c.idHash, c.memberId]))],
  ).run();
}

/** The person moves with their member record (a transfer): same member id, another branch. */
export function movePersonStatement(
  plane: DataPlane,
  memberId: string,
  to: { districtId: string; branchId: string },
  at: string,
): D1PreparedStatement {
  return rawStatement(
    plane.directory.d1,
    "UPDATE persons SET district_id = ?, branch_id = ?, claimed_at = ? WHERE member_id = ?",
    [to.districtId, to.branchId, at, memberId],
  );
}
