import { type ReportBranch, type ReportSet, readTrendFacts, type TrendFacts } from "@vanguard/db/reports";
import {
  firstJudgedMonth,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  type MeetingKind,
  ratio,
} from "@vanguard/domain";
import type { Column } from "../shared/csv";

/** One month of the district (or one branch) as the dashboard's charts draw it. */
export interface TrendPoint {
  month: string;
  /** the month under way: its dues are still being paid */
  partial: boolean;
  partyMembers: number;
  study: { activeMembers: number; points: number; rate: number | null };
  meetings: { total: number; byKind: Record<MeetingKind, number> };
  dues: { due: number; paid: number; rate: number | null };
}

/** Each branch counts from the first whole month of its records (docs/adoption.md). */
export function readTrendsOfSet(
  rs: ReportSet,
  months: readonly string[],
  branches: readonly ReportBranch[],
): Promise<TrendFacts> {
  return readTrendFacts(
    rs.set,
    months,
    new Map(branches.map((b) => [b.id, firstJudgedMonth(b.recordsFrom)])),
  );
}

/**
 * Sums the sets month by month. The roll of a month is today's party members who had joined by
 * then: members who left are out of both sides of every rate.
 */
export function trendPoints(
  months: readonly string[],
  facts: readonly TrendFacts[],
  currentMonth: string,
): TrendPoint[] {
  return months.map((month) => {
    let partyMembers = 0;
    let activeMembers = 0;
    let points = 0;
    let paid = 0;
    const byKind = Object.fromEntries(MEETING_KINDS.map((k) => [k, 0])) as Record<MeetingKind, number>;
    for (const f of facts) {
      for (const j of f.joined) if (j.month === null || j.month <= month) partyMembers += j.members;
      for (const s of f.study) {
        if (s.month !== month) continue;
        activeMembers += s.activeMembers;
        points += s.points;
      }
      for (const m of f.meetings) if (m.month === month) byKind[m.kind] += m.meetings;
      for (const d of f.duesPaid) if (d.month === month) paid += d.paid;
    }
    return {
      month,
      partial: month >= currentMonth,
      partyMembers,
      study: { activeMembers, points, rate: ratio(activeMembers, partyMembers) },
      meetings: { total: Object.values(byKind).reduce((a, n) => a + n, 0), byKind },
      dues: { due: partyMembers, paid, rate: ratio(paid, partyMembers) },
    };
  });
}

export const TREND_COLUMNS: Column<TrendPoint>[] = [
  { zh: "月份", en: "Month", value: (p) => p.month },
  { zh: "党员人数", en: "Party members", value: (p) => p.partyMembers },
  { zh: "参学人数", en: "Members studying", value: (p) => p.study.activeMembers },
  { zh: "学习参与率", en: "Study rate", value: (p) => p.study.rate },
  { zh: "学习积分", en: "Study points", value: (p) => p.study.points },
  { zh: "会议次数", en: "Meetings", value: (p) => p.meetings.total },
  ...MEETING_KINDS.map(
    (k): Column<TrendPoint> => ({
      zh: MEETING_KIND_LABELS[k].zh,
      en: MEETING_KIND_LABELS[k].en,
      value: (p) => p.meetings.byKind[k],
    }),
  ),
  { zh: "应缴党费(人)", en: "Dues owed (members)", value: (p) => p.dues.due },
  { zh: "已缴党费(人)", en: "Dues paid (members)", value: (p) => p.dues.paid },
  { zh: "党费收缴率", en: "Dues rate", value: (p) => p.dues.rate },
];
