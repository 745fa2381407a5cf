import { type BranchSetContext, branchIdsJson } from "../tenant/context";

type Row = Record<string, string | number | null>;

/** One branch's study in a month: the roll of party members and what they did. */
export interface StudyFacts {
  partyMembers: number;
  activeMembers: number;
  points: number;
  activities: number;
  activeDays: number;
}

export function emptyStudyFacts(): StudyFacts {
  return { partyMembers: 0, activeMembers: 0, points: 0, activities: 0, activeDays: 0 };
}

const PARTY = "('probationary', 'full')";

/**
 * Two aggregate queries in one batch: the roll, and the month's totals of current party members
 * (a member who left counts in the branch they are in now, as the leaderboards count them).
 */
export async function readStudyFacts(set: BranchSetContext, month: string): Promise<Map<string, StudyFacts>> {
  const d1 = set.shard.d1;
  const ids = branchIdsJson(set);
  const [roll, totals] = await d1.batch<Row>([
    d1
      .prepare(
        `SELECT branch_id, count(*) AS party_members FROM members
          WHERE branch_id IN (SELECT value FROM json_each(?1)) AND left_on IS NULL AND status IN ${PARTY}
          GROUP BY branch_id`,
      )
      .bind(ids),
    d1
      .prepare(
        `SELECT p.branch_id AS branch_id, count(*) AS active_members, sum(p.points) AS points,
                sum(p.activities) AS activities, sum(p.active_days) AS active_days
           FROM study_member_periods p
           JOIN members m ON m.branch_id = p.branch_id AND m.id = p.member_id
          WHERE p.branch_id IN (SELECT value FROM json_each(?1)) AND p.period = ?2
            AND m.left_on IS NULL AND m.status IN ${PARTY}
          GROUP BY p.branch_id`,
      )
      .bind(ids, month),
  ]);
  const out = new Map(set.branches.map((b) => [b.branchId, emptyStudyFacts()]));
  const n = (v: string | number | null | undefined) => Number(v ?? 0);
  for (const r of roll?.results ?? []) {
    const f = out.get(String(r.branch_id));
    if (f) f.partyMembers = n(r.party_members);
  }
  for (const r of totals?.results ?? []) {
    const f = out.get(String(r.branch_id));
    if (!f) continue;
    f.activeMembers = n(r.active_members);
    f.points = n(r.points);
    f.activities = n(r.activities);
    f.activeDays = n(r.active_days);
  }
  return out;
}
