import type { DataPlane } from "../shards";
import { rawStatement } from "../write/sql";
import { claimPersons, type PersonPlace, type PersonRow, takeOverPerson } from "./persons";

/** What the register says about a person a write wants to put on a roll. */
export type Reservation =
  /**
   * the person is held for the member being written; `fresh` when this call made the claim (release
   * it if the write fails), not when the member already held it
   */
  | { kind: "reserved"; fresh: boolean }
  /** a current member of the same branch is this person: the branch's own duplicate rules apply */
  | { kind: "held_here"; memberId: string }
  /** a current member of another branch is this person */
  | { kind: "held_elsewhere"; place: PersonPlace };

/**
 * A claim whose member is not on any roll yet may belong to a write still in flight: it is honoured
 * this long before it counts as abandoned.
 */
const IN_FLIGHT_MS = 120_000;
/** Transfers a member may have gone through since the register last saw them. */
const MAX_HOPS = 4;

type Row = Record<string, string | number | null>;

/**
 * Reserves each person (by identity-number hash) for the member about to be written, unless a
 * current member anywhere on the platform already is that person. The register is an index over the
 * shards, which hold the truth: a claim whose member has left every roll (or never landed) is stale,
 * and is taken over. The caller writes its members, then releases the reservations of any it did
 * not write (`releasePersons`).
 */
export async function reservePersons(
  plane: DataPlane,
  claims: (PersonPlace & { idHash: string })[],
  now: Date,
): Promise<Map<string, Reservation>> {
  const out = new Map<string, Reservation>();
  let pending = claims;
  for (let round = 0; round < 3 && pending.length; round++) {
    const at = now.toISOString();
    const held = await claimPersons(plane, pending, at);
    const contested: { claim: (typeof claims)[number]; holder: PersonRow }[] = [];
    for (const claim of pending) {
      const holder = held.get(claim.idHash);
      if (!holder || holder.memberId === claim.memberId) {
        out.set(claim.idHash, { kind: "reserved", fresh: !holder || holder.claimedAt === at });
      } else contested.push({ claim, holder });
    }
    const places = await currentPlaces(
      plane,
      contested.map((c) => c.holder),
      now,
    );
    const retry: typeof claims = [];
    for (const { claim, holder } of contested) {
      const place = places.get(holder.memberId);
      if (place) {
        out.set(
          claim.idHash,
          place.branchId === claim.branchId
            ? { kind: "held_here", memberId: place.memberId }
            : { kind: "held_elsewhere", place },
        );
      } else if (await takeOverPerson(plane, claim.idHash, holder.memberId, claim, at)) {
        out.set(claim.idHash, { kind: "reserved", fresh: true });
      } else {
        retry.push(claim); // someone else moved the claim meanwhile: look again
      }
    }
    pending = retry;
  }
  for (const claim of pending) out.set(claim.idHash, { kind: "held_elsewhere", place: claim });
  return out;
}

/**
 * Where each holder's member is on a roll now, following transfer letters from the branch the
 * register names; absent when the member is on no roll (the claim is stale).
 */
async function currentPlaces(
  plane: DataPlane,
  holders: PersonRow[],
  now: Date,
): Promise<Map<string, PersonPlace>> {
  const found = new Map<string, PersonPlace>();
  let look = holders.map((h) => ({ memberId: h.memberId, branchId: h.branchId, claimedAt: h.claimedAt }));
  for (let hop = 0; hop < MAX_HOPS && look.length; hop++) {
    const rows = await memberRows(plane, look);
    const letters: { memberId: string; transferId: string; claimedAt: string }[] = [];
    for (const l of look) {
      const r = rows.get(`${l.branchId}/${l.memberId}`);
      if (r && r.left_on === null) {
        found.set(l.memberId, {
          memberId: l.memberId,
          branchId: l.branchId,
          districtId: String(r.district_id),
        });
      } else if (r && r.left_reason === "transferred_out" && r.transfer_id) {
        letters.push({ memberId: l.memberId, transferId: String(r.transfer_id), claimedAt: l.claimedAt });
      } else if (!r && now.getTime() - Date.parse(l.claimedAt) < IN_FLIGHT_MS) {
        // the write that claimed this person may still be landing: honour it for now
        const h = holders.find((x) => x.memberId === l.memberId)!;
        found.set(l.memberId, { memberId: h.memberId, branchId: h.branchId, districtId: h.districtId });
      }
    }
    look = await followLetters(plane, letters);
  }
  return found;
}

async function memberRows(plane: DataPlane, look: { memberId: string; branchId: string }[]) {
  const out = new Map<string, Row>();
  if (look.length === 0) return out;
  const d1 = plane.directory.d1;
  const shards = await d1
    .prepare(
      `SELECT b.id, d.shard FROM branches b JOIN districts d ON d.id = b.district_id
        WHERE b.id IN (SELECT value FROM json_each(?))`,
    )
    .bind(JSON.stringify([...new Set(look.map((l) => l.branchId))]))
    .all<{ id: string; shard: number }>();
  const byShard = new Map<number, { memberId: string; branchId: string }[]>();
  const shardOf = new Map(shards.results.map((r) => [r.id, r.shard]));
  for (const l of look) {
    const s = shardOf.get(l.branchId);
    if (s === undefined) continue;
    byShard.set(s, [...(byShard.get(s) ?? []), l]);
  }
  for (const [s, ls] of byShard) {
    const rows = await rawStatement(
      plane.shard(s).d1,
      `SELECT branch_id, id, district_id, left_on, left_reason, transfer_id FROM members
        WHERE branch_id IN (SELECT value FROM json_each(?)) AND id IN (SELECT value FROM json_each(?))`,
      [JSON.stringify([...new Set(ls.map((l) => l.branchId))]), JSON.stringify(ls.map((l) => l.memberId))],
    ).all<Row>();
    for (const r of rows.results) out.set(`${r.branch_id}/${r.id}`, r);
  }
  return out;
}

/** The receiving end of each letter a member left by, where the move went through or is going through. */
async function followLetters(
  plane: DataPlane,
  letters: { memberId: string; transferId: string; claimedAt: string }[],
) {
  if (letters.length === 0) return [];
  const rows = await plane.directory.d1
    .prepare(
      `SELECT id, to_branch_id FROM transfers
        WHERE id IN (SELECT value FROM json_each(?)) AND status IN ('accepting', 'accepted')`,
    )
    .bind(JSON.stringify(letters.map((l) => l.transferId)))
    .all<{ id: string; to_branch_id: string }>();
  const to = new Map(rows.results.map((r) => [r.id, r.to_branch_id]));
  return letters
    .filter((l) => to.has(l.transferId))
    .map((l) => ({ memberId: l.memberId, branchId: to.get(l.transferId)!, claimedAt: l.claimedAt }));
}
