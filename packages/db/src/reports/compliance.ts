import type { HeldMeeting, MeetingKind } from "@vanguard/domain";
import { type BranchSetContext, branchIdsJson } from "../tenant/context";

type Row = Record<string, string | number | null>;

/** What the compliance scorecard reads of one branch. */
export interface ComplianceFacts {
  partyMembers: number;
  /** party members on the roll for at least one whole month judged in the period (study's denominator) */
  studyMembers: number;
  /** member-months of dues owed in the months judged, counted from each member's joining */
  duesDue: number;
  /** of those, the member-months paid */
  duesPaid: number;
  /** current party members with any study activity in the period */
  studyActive: number;
  studyPoints: number;
  meetings: HeldMeeting[];
  hasCommittee: boolean;
  openFindings: { info: number; warning: number; severe: number };
  overdueSteps: number;
  inspection: { period: string; finalTotal: number; maxTotal: number; grade: string | null } | null;
  pipeline: { applicant: number; activist: number; candidate: number; probationary: number };
}

export interface ComplianceQuery {
  /** meetings from this day (the period's year) up to `asOf` count toward the cadence */
  meetingsFrom: string;
  asOf: string;
  /** the months whose dues are judged, in order and contiguous; empty for none */
  duesMonths: readonly string[];
  /** study period keys covering the period */
  studyKeys: readonly string[];
  /**
   * Per branch whose records start inside or after the period: the first month judged (`YYYY-MM`)
   * and the study keys judged. Branches not named are judged over the whole period.
   */
  recordsStarts?: ReadonlyMap<string, { firstMonth: string; studyKeys: readonly string[] }>;
  /** the latest reviewed inspection up to this quarter counts */
  inspectionUpTo: string;
  /** the finding rules that mean an overdue development step */
  overdueRules: readonly string[];
}

const PARTY = "('probationary', 'full')";
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const JOINED_INDEX =
  "CAST(substr(m.joined_on, 1, 4) AS INTEGER) * 12 + CAST(substr(m.joined_on, 6, 2) AS INTEGER) - 1";
/** the first whole month a member is on the branch's roll (docs/adoption.md), as a month index */
const ON_ROLL_INDEX =
  "CAST(substr(m.joined_branch_on, 1, 4) AS INTEGER) * 12 + CAST(substr(m.joined_branch_on, 6, 2) AS INTEGER) - 1 + (substr(m.joined_branch_on, 9, 2) <> '01')";
/** the branch's first judged month index, from the JSON object bound as ?6 */
const BRANCH_START_INDEX = `coalesce(json_extract(?6, '$."' || m.branch_id || '"'), 0)`;
const asMonth = (index: string) => `printf('%04d-%02d', (${index}) / 12, (${index}) % 12 + 1)`;

export function emptyComplianceFacts(): ComplianceFacts {
  return {
    partyMembers: 0,
    studyMembers: 0,
    duesDue: 0,
    duesPaid: 0,
    studyActive: 0,
    studyPoints: 0,
    meetings: [],
    hasCommittee: false,
    openFindings: { info: 0, warning: 0, severe: 0 },
    overdueSteps: 0,
    inspection: null,
    pipeline: { applicant: 0, activist: 0, candidate: 0, probationary: 0 },
  };
}

/**
 * The scorecard's facts for a set of branches of one shard: seven aggregate queries in one batch,
 * each grouped by branch, whatever the number of branches, members or months.
 */
export async function readComplianceFacts(
  set: BranchSetContext,
  q: ComplianceQuery,
): Promise<Map<string, ComplianceFacts>> {
  return (await readComplianceFactsAt(set, q)).facts;
}

/**
 * The same facts with each branch's event-log head read in the same batch (one transaction): what
 * a rollup stores them against, so a write after this read makes them stale however it interleaves.
 */
export async function readComplianceFactsAt(
  set: BranchSetContext,
  q: ComplianceQuery,
): Promise<{ facts: Map<string, ComplianceFacts>; heads: Map<string, number | null> }> {
  const d1 = set.shard.d1;
  const ids = branchIdsJson(set);
  const inSet = (col: string) => `${col} IN (SELECT value FROM json_each(?1))`;
  const [firstMonth, lastMonth] = q.duesMonths.length
    ? [q.duesMonths[0]!, q.duesMonths.at(-1)!]
    : ["9999-12", "0000-01"];
  const starts = q.recordsStarts ?? new Map();
  const branchStarts = JSON.stringify(
    Object.fromEntries([...starts].map(([id, s]) => [id, monthIndex(s.firstMonth)])),
  );
  // a branch whose records start inside the period counts study only in the months it judges
  const studyKeys = JSON.stringify(
    Object.fromEntries(
      set.branches.map((b) => [b.branchId, starts.get(b.branchId)?.studyKeys ?? q.studyKeys]),
    ),
  );
  // a member counts for study when on the roll for a whole month of the period up to asOf
  const periodLast = monthIndex(q.asOf.slice(0, 7));
  const [dues, study, meetings, committees, findings, inspections, cases, chainHeads] = await d1.batch<Row>([
    // owed: months from the latest of the first month, the joining month, the member's first whole
    // month on the roll and the branch's first judged month, to the last; paid: a covering index count
    d1
      .prepare(
        `SELECT m.branch_id AS branch_id, count(*) AS party_members,
                sum(m.s <= ?7) AS study_members,
                sum(max(0, ?3 - max(?2, m.s) + 1)) AS dues_due,
                sum((SELECT count(*) FROM dues_payments p
                      WHERE p.branch_id = m.branch_id AND p.member_id = m.id
                        AND p.month BETWEEN ${asMonth("max(?2, m.s)")} AND ?5)) AS dues_paid
           FROM (SELECT m.*, max(coalesce(${JOINED_INDEX}, 0), ${ON_ROLL_INDEX}, ${BRANCH_START_INDEX}) AS s
                   FROM members m
                  WHERE ${inSet("m.branch_id")} AND m.left_on IS NULL AND m.status IN ${PARTY}) m
          GROUP BY m.branch_id`,
      )
      .bind(
        ids,
        monthIndex(firstMonth),
        monthIndex(lastMonth),
        firstMonth,
        lastMonth,
        branchStarts,
        periodLast,
      ),
    d1
      .prepare(
        `SELECT p.branch_id AS branch_id, count(DISTINCT p.member_id) AS study_active,
                sum(p.points) AS study_points
           FROM study_member_periods p
           JOIN members m ON m.branch_id = p.branch_id AND m.id = p.member_id
          WHERE ${inSet("p.branch_id")}
            AND p.period IN (SELECT value FROM json_each(?2, '$."' || p.branch_id || '"'))
            AND m.left_on IS NULL AND m.status IN ${PARTY}
            AND max(coalesce(${JOINED_INDEX}, 0), ${ON_ROLL_INDEX}, coalesce(json_extract(?3, '$."' || m.branch_id || '"'), 0)) <= ?4
          GROUP BY p.branch_id`,
      )
      .bind(ids, studyKeys, branchStarts, periodLast),
    // one row per branch, its meetings packed as `kind date by_secretary`: rows, not bytes, cost here
    d1
      .prepare(
        `SELECT branch_id,
                group_concat(kind || ' ' || held_on || ' ' || (lecturer_post IS 'secretary'), ',') AS held
           FROM meetings
          WHERE ${inSet("branch_id")} AND held_on BETWEEN ?2 AND ?3
          GROUP BY branch_id`,
      )
      .bind(ids, q.meetingsFrom, q.asOf),
    d1
      .prepare(
        `SELECT branch_id, count(DISTINCT member_id) AS committee_size FROM committee_posts
          WHERE ${inSet("branch_id")} GROUP BY branch_id`,
      )
      .bind(ids),
    d1
      .prepare(
        `SELECT branch_id, sum(severity = 'info') AS info, sum(severity = 'warning') AS warning,
                sum(severity = 'severe') AS severe,
                sum(rule IN (SELECT value FROM json_each(?2))) AS overdue_steps
           FROM findings
          WHERE ${inSet("branch_id")} AND status <> 'resolved'
          GROUP BY branch_id`,
      )
      .bind(ids, JSON.stringify(q.overdueRules)),
    // SQLite takes the other columns from the row holding max(period)
    d1
      .prepare(
        `SELECT branch_id, max(period) AS period, final_total, max_total, grade FROM inspections
          WHERE ${inSet("branch_id")} AND status = 'reviewed' AND period <= ?2
          GROUP BY branch_id`,
      )
      .bind(ids, q.inspectionUpTo),
    d1
      .prepare(
        `SELECT branch_id, sum(stage = 'applicant') AS applicant, sum(stage = 'activist') AS activist,
                sum(stage = 'candidate') AS candidate, sum(stage = 'probationary') AS probationary
           FROM development_cases
          WHERE ${inSet("branch_id")} AND stage NOT IN ('full', 'closed')
          GROUP BY branch_id`,
      )
      .bind(ids),
    // one index row per branch: the last event of its log
    d1
      .prepare(
        `SELECT b.value AS branch_id, (SELECT max(e.seq) FROM events e WHERE e.scope_id = b.value) AS head
           FROM json_each(?1) b`,
      )
      .bind(ids),
  ]);

  const out = new Map(set.branches.map((b) => [b.branchId, emptyComplianceFacts()]));
  const each = (rows: { results?: Row[] } | undefined, f: (facts: ComplianceFacts, r: Row) => void) => {
    for (const r of rows?.results ?? []) {
      const facts = out.get(String(r.branch_id));
      if (facts) f(facts, r);
    }
  };
  const n = (v: string | number | null | undefined) => Number(v ?? 0);
  each(dues, (f, r) => {
    f.partyMembers = n(r.party_members);
    f.studyMembers = n(r.study_members);
    f.duesDue = n(r.dues_due);
    f.duesPaid = n(r.dues_paid);
  });
  each(study, (f, r) => {
    f.studyActive = n(r.study_active);
    f.studyPoints = n(r.study_points);
  });
  each(meetings, (f, r) => {
    for (const packed of String(r.held ?? "").split(",")) {
      const [kind, heldOn, bySecretary] = packed.split(" ");
      if (!kind || !heldOn) continue;
      // only whether the secretary lectured matters to the cadence (书记讲党课)
      f.meetings.push({
        kind: kind as MeetingKind,
        heldOn,
        lecturerPost: bySecretary === "1" ? "secretary" : null,
      });
    }
  });
  each(committees, (f, r) => {
    f.hasCommittee = n(r.committee_size) > 0;
  });
  each(findings, (f, r) => {
    f.openFindings = { info: n(r.info), warning: n(r.warning), severe: n(r.severe) };
    f.overdueSteps = n(r.overdue_steps);
  });
  each(inspections, (f, r) => {
    f.inspection = {
      period: String(r.period),
      finalTotal: n(r.final_total),
      maxTotal: n(r.max_total),
      grade: (r.grade as string | null) ?? null,
    };
  });
  each(cases, (f, r) => {
    f.pipeline = {
      applicant: n(r.applicant),
      activist: n(r.activist),
      candidate: n(r.candidate),
      probationary: n(r.probationary),
    };
  });
  const heads = new Map<string, number | null>();
  for (const r of chainHeads?.results ?? [])
    heads.set(String(r.branch_id), r.head === null ? null : n(r.head));
  return { facts: out, heads };
}
