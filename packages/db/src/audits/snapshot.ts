import type { BranchSnapshot } from "@vanguard/domain";
import { arrearsStartMonth, lastClosedMonth, STUCK_AFTER_MINUTES } from "@vanguard/domain";
import type { DataPlane } from "../shards";
import { type BranchSetContext, branchIdsJson } from "../tenant/context";

type Row = Record<string, string | number | null>;

/**
 * The audit's view of a batch of branches, in a fixed number of queries whatever the batch's size
 * or the branches' history: one shard batch of aggregates and one directory query. Nothing here
 * reads per member or per branch.
 */
export async function readSnapshots(
  plane: DataPlane,
  set: BranchSetContext,
  branchMeta: Map<string, { name: string; kind: BranchSnapshot["kind"]; recordsFrom?: string }>,
  today: string,
): Promise<BranchSnapshot[]> {
  const ids = branchIdsJson(set);
  const lastClosed = lastClosedMonth(today);
  const d1 = set.shard.d1;
  const [counts, committees, activity, dues] = await d1.batch<Row>([
    d1
      .prepare(
        `SELECT branch_id, status, count(*) AS n FROM members
          WHERE branch_id IN (SELECT value FROM json_each(?)) AND left_on IS NULL GROUP BY branch_id, status`,
      )
      .bind(ids),
    d1
      .prepare(
        `SELECT c.branch_id, c.term_start, c.term_end,
                (SELECT count(DISTINCT p.member_id) FROM committee_posts p WHERE p.branch_id = c.branch_id) AS size
           FROM committees c WHERE c.branch_id IN (SELECT value FROM json_each(?))`,
      )
      .bind(ids),
    d1
      .prepare("SELECT scope_id, last_at FROM activity WHERE scope_id IN (SELECT value FROM json_each(?))")
      .bind(ids),
    // per party member: the last month paid up to last month, and when the branch began recording dues
    d1
      .prepare(
        `SELECT m.branch_id, m.id, m.name, m.joined_on, m.joined_branch_on,
                (SELECT max(p.month) FROM dues_payments p
                  WHERE p.branch_id = m.branch_id AND p.member_id = m.id AND p.month <= ?) AS last_paid,
                (SELECT min(p.month) FROM dues_payments p WHERE p.branch_id = m.branch_id) AS branch_first
           FROM members m
          WHERE m.branch_id IN (SELECT value FROM json_each(?)) AND m.left_on IS NULL
            AND m.status IN ('probationary', 'full')`,
      )
      .bind(lastClosed, ids),
  ]);
  // letters that lapsed unused, and accepts held past the stuck threshold, in one directory query
  const stuckBefore = new Date(Date.now() - STUCK_AFTER_MINUTES * 60_000).toISOString();
  const letters = await plane.directory.d1
    .prepare(
      `SELECT id, status, from_branch_id, member_id, member_name, to_branch_id, expires_on, claimed_at FROM transfers
        WHERE from_branch_id IN (SELECT value FROM json_each(?))
          AND ((status = 'pending' AND expires_on < ?) OR (status = 'accepting' AND claimed_at <= ?))`,
    )
    .bind(ids, today, stuckBefore)
    .all<Row>();

  const snaps = new Map<string, BranchSnapshot>();
  for (const b of set.branches) {
    const meta = branchMeta.get(b.branchId);
    snaps.set(b.branchId, {
      branchId: b.branchId,
      districtId: b.districtId,
      branchName: meta?.name ?? b.branchId,
      kind: meta?.kind ?? "branch",
      ...(meta?.recordsFrom ? { recordsFrom: meta.recordsFrom } : {}),
      today,
      members: { applicant: 0, activist: 0, candidate: 0, probationary: 0, full: 0 },
      committee: null,
      lastActivityOn: null,
      duesArrears: [],
      expiredTransfers: [],
    });
  }
  for (const r of counts?.results ?? []) {
    const s = snaps.get(String(r.branch_id));
    if (s) s.members[r.status as keyof BranchSnapshot["members"]] = Number(r.n);
  }
  for (const r of committees?.results ?? []) {
    const s = snaps.get(String(r.branch_id));
    if (s)
      s.committee = { termStart: String(r.term_start), termEnd: String(r.term_end), size: Number(r.size) };
  }
  for (const r of activity?.results ?? []) {
    const s = snaps.get(String(r.scope_id));
    if (s) s.lastActivityOn = String(r.last_at).slice(0, 10);
  }
  for (const r of dues?.results ?? []) {
    const s = snaps.get(String(r.branch_id));
    if (!s || !r.branch_first) continue;
    const start = arrearsStartMonth({
      lastPaid: (r.last_paid as string | null) ?? null,
      joinedOn: (r.joined_on as string | null) ?? null,
      branchFirst: String(r.branch_first),
      joinedBranchOn: (r.joined_branch_on as string | null) ?? null,
      recordsFrom: s.recordsFrom ?? null,
    });
    if (start > lastClosed) continue;
    const consecutive = monthsInclusive(start, lastClosed);
    s.duesArrears.push({ memberId: String(r.id), name: String(r.name), firstUnpaid: start, consecutive });
  }
  for (const r of letters.results ?? []) {
    const s = snaps.get(String(r.from_branch_id));
    if (!s) continue;
    const letter = {
      transferId: String(r.id),
      memberId: String(r.member_id),
      memberName: String(r.member_name),
      toBranchId: String(r.to_branch_id),
    };
    if (r.status === "pending") s.expiredTransfers.push({ ...letter, expiresOn: String(r.expires_on) });
    else s.stuckTransfers = [...(s.stuckTransfers ?? []), { ...letter, claimedAt: String(r.claimed_at) }];
  }
  return [...snaps.values()];
}

function monthsInclusive(a: string, b: string): number {
  return (
    (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + (Number(b.slice(5, 7)) - Number(a.slice(5, 7))) + 1
  );
}
