import type { MeetingKind } from "@vanguard/domain";
import { type BranchSetContext, branchIdsJson } from "../tenant/context";

type Row = Record<string, string | number | null>;

/** A set of branches month by month, summed over the set: what the dashboard's charts draw. */
export interface TrendFacts {
  /** current party members by the month they joined (`null`: no date on the roll) */
  joined: { month: string | null; members: number }[];
  /** members active in the month as their branch recorded it then (members since gone included) */
  study: { month: string; activeMembers: number; points: number }[];
  meetings: { month: string; kind: MeetingKind; meetings: number }[];
  duesPaid: { month: string; paid: number }[];
}

const PARTY = "('probationary', 'full')";

/** `YYYY-MM` of the first whole month a member is on their branch's roll. */
const ON_ROLL_MONTH =
  "CASE WHEN substr(m.joined_branch_on, 9, 2) = '01' THEN substr(m.joined_branch_on, 1, 7) ELSE strftime('%Y-%m', date(substr(m.joined_branch_on, 1, 7) || '-01', '+1 month')) END";
/** the branch's first judged month from the JSON object bound as ?4 (docs/adoption.md) */
const branchStart = (col: string) => `coalesce(json_extract(?4, '$."' || ${col} || '"'), '0000-00')`;

/**
 * Four aggregate queries in one batch, grouped by month, for `months` (contiguous, in order).
 * `firstMonths`: each branch's first judged month, where its records start; nothing of a branch
 * before it counts, nor anything of a member before their first whole month on its roll.
 */
export async function readTrendFacts(
  set: BranchSetContext,
  months: readonly string[],
  firstMonths: ReadonlyMap<string, string> = new Map(),
): Promise<TrendFacts> {
  const d1 = set.shard.d1;
  const ids = branchIdsJson(set);
  const starts = JSON.stringify(Object.fromEntries(firstMonths));
  const first = months[0] ?? "9999-12";
  const last = months.at(-1) ?? "0000-01";
  const [joined, study, meetings, paid] = await d1.batch<Row>([
    d1
      .prepare(
        `SELECT max(coalesce(substr(m.joined_on, 1, 7), '0000-00'), ${ON_ROLL_MONTH}, ${branchStart("m.branch_id")}) AS joined_month,
                count(*) AS party_members FROM members m
          WHERE m.branch_id IN (SELECT value FROM json_each(?1)) AND m.left_on IS NULL AND m.status IN ${PARTY}
          GROUP BY joined_month`,
      )
      .bind(ids, null, null, starts),
    // the branches' own monthly totals: members active in the month as each branch recorded them
    d1
      .prepare(
        `SELECT period AS month, sum(active_members) AS active_members, sum(points) AS points
           FROM study_branch_periods
          WHERE branch_id IN (SELECT value FROM json_each(?1)) AND period IN (SELECT value FROM json_each(?2))
            AND period >= ${branchStart("branch_id")}
          GROUP BY period`,
      )
      .bind(ids, JSON.stringify(months), null, starts),
    d1
      .prepare(
        `SELECT substr(held_on, 1, 7) AS month, kind, count(*) AS meetings FROM meetings
          WHERE branch_id IN (SELECT value FROM json_each(?1)) AND held_on BETWEEN ?2 AND ?3
            AND substr(held_on, 1, 7) >= ${branchStart("branch_id")}
          GROUP BY month, kind`,
      )
      .bind(ids, `${first}-01`, `${last}-31`, starts),
    // members first (CROSS JOIN keeps that order), then each one's payments on the covering unique index
    d1
      .prepare(
        `SELECT p.month AS month, count(*) AS paid
           FROM members m
          CROSS JOIN dues_payments p
             ON p.branch_id = m.branch_id AND p.member_id = m.id AND p.month BETWEEN ?2 AND ?3
            AND p.month >= max(coalesce(substr(m.joined_on, 1, 7), '0000-00'), ${ON_ROLL_MONTH}, ${branchStart("m.branch_id")})
          WHERE m.branch_id IN (SELECT value FROM json_each(?1)) AND m.left_on IS NULL AND m.status IN ${PARTY}
          GROUP BY p.month`,
      )
      .bind(ids, first, last, starts),
  ]);
  const n = (v: string | number | null | undefined) => Number(v ?? 0);
  return {
    joined: (joined?.results ?? []).map((r) => ({
      month: (r.joined_month as string | null) ?? null,
      members: n(r.party_members),
    })),
    study: (study?.results ?? []).map((r) => ({
      month: String(r.month),
      activeMembers: n(r.active_members),
      points: n(r.points),
    })),
    meetings: (meetings?.results ?? []).map((r) => ({
      month: String(r.month),
      kind: r.kind as MeetingKind,
      meetings: n(r.meetings),
    })),
    duesPaid: (paid?.results ?? []).map((r) => ({ month: String(r.month), paid: n(r.paid) })),
  };
}
