import {
  type ComplianceFacts,
  complianceQuery,
  type ReportSet,
  type RollupProbes,
  rolledUpComplianceFacts,
} from "@vanguard/db/reports";
import {
  BAND_LABELS,
  beforeRecords,
  complianceScore,
  findingsRate,
  MEETING_KIND_LABELS,
  type MeetingSummary,
  meetingCompliance,
  NO_RECORDS,
  percent,
  ratio,
  reportPeriod,
  summarizeMeetings,
  todayIn,
  UNIT_KIND_LABELS,
} from "@vanguard/domain";
import type { Lang } from "@vanguard/platform";
import type { Column } from "../shared/csv";
import { branchesOf, meetingRules, type ReportScope } from "./report-scope";

/** One branch's scorecard: every measure beside the score it adds up to. */
export interface ComplianceRow {
  districtId: string;
  districtName: string;
  branchId: string;
  branchName: string;
  kind: "branch" | "general_branch" | "committee";
  parentId: string | null;
  asOf: string;
  /** when the figures were computed from the records (the rollup's time): 数据截至 */
  dataAsOf: string;
  /** the unit's records start (docs/adoption.md) */
  recordsFrom: string;
  /** the whole period lies before the records start: nothing is judged, and it shows as 无记录 */
  noRecords: boolean;
  /** a 党总支 or base committee: its own records plus those of the units directly under it */
  rolledUp: string[];
  partyMembers: number;
  /** null for a general branch or committee without branches under it: 三会一课 binds a branch */
  meetings:
    | (Omit<MeetingSummary, "missing"> & {
        missing: (MeetingSummary["missing"][number] & { label: string })[];
      })
    | null;
  dues: { due: number; paid: number; rate: number | null };
  study: { members: number; activeMembers: number; points: number; rate: number | null };
  findings: { info: number; warning: number; severe: number };
  inspection: {
    period: string;
    score: number;
    maxScore: number;
    grade: string | null;
    rate: number | null;
  } | null;
  pipeline: {
    applicant: number;
    activist: number;
    candidate: number;
    probationary: number;
    overdueSteps: number;
  };
  score: number | null;
  band: "good" | "fair" | "poor" | "none";
}

/** Scores one set of branches of one shard: its rollups (computed where missing), then pure domain rules. */
export async function complianceOfSet(
  scope: ReportScope,
  rs: ReportSet,
  periodKey: string | undefined,
  lang: Lang = "zh-CN",
  probes?: RollupProbes,
): Promise<ComplianceRow[]> {
  const period = reportPeriod(periodKey, todayIn(rs.timeZone));
  const branches = branchesOf(scope, rs);
  const query = complianceQuery(period, branches);
  const starts = query.recordsStarts ?? new Map();
  const { facts, computedAt } = await rolledUpComplianceFacts(rs.set, period.key, query, undefined, probes);
  const districts = new Map(scope.directory.districts.map((d) => [d.id, d]));
  const rows = branches.map((b): ComplianceRow => {
    const f = facts.get(b.id) as ComplianceFacts;
    const noRecords = beforeRecords(period.to, b.recordsFrom);
    const summary =
      b.kind === "branch" && !noRecords
        ? summarizeMeetings(
            meetingCompliance({
              year: period.year,
              asOf: period.asOf,
              since: b.foundedOn,
              recordsFrom: b.recordsFrom,
              hasCommittee: f.hasCommittee,
              rules: meetingRules(scope.directory, b.districtId),
              meetings: f.meetings,
            }),
            period.ended ? period.to : null,
          )
        : null;
    const meetings = summary && {
      ...summary,
      missing: summary.missing.map((m) => ({ ...m, label: pickLabel(MEETING_KIND_LABELS[m.kind], lang) })),
    };
    const studyJudged = starts.get(b.id)?.studyKeys ?? period.studyKeys;
    return scored({
      districtId: b.districtId,
      districtName: districts.get(b.districtId)?.name ?? b.districtId,
      branchId: b.id,
      branchName: b.name,
      kind: b.kind,
      parentId: b.parentId,
      asOf: period.asOf,
      dataAsOf: computedAt.get(b.id) as string,
      recordsFrom: b.recordsFrom,
      noRecords,
      rolledUp: [],
      partyMembers: f.partyMembers,
      meetings,
      dues: { due: noRecords ? 0 : f.duesDue, paid: noRecords ? 0 : f.duesPaid, rate: null },
      study: {
        members: noRecords || !studyJudged.length ? 0 : f.studyMembers,
        activeMembers: noRecords || !studyJudged.length ? 0 : f.studyActive,
        points: noRecords ? 0 : f.studyPoints,
        rate: null,
      },
      findings: f.openFindings,
      inspection: f.inspection && {
        period: f.inspection.period,
        score: f.inspection.finalTotal,
        maxScore: f.inspection.maxTotal,
        grade: f.inspection.grade,
        rate: ratio(f.inspection.finalTotal, f.inspection.maxTotal),
      },
      pipeline: { ...f.pipeline, overdueSteps: f.overdueSteps },
      score: null,
      band: "none",
    });
  });
  return rollUp(rows);
}

const pickLabel = (m: { zh: string; en: string }, lang: Lang) => (lang === "en" ? m.en : m.zh);

/** Rates from the counts, then the score from the rates: every rate says exactly what it counts. */
function scored(r: ComplianceRow): ComplianceRow {
  if (r.noRecords) return { ...r, meetings: null, inspection: null, score: null, band: "none" };
  const dues = { ...r.dues, rate: ratio(r.dues.paid, r.dues.due) };
  const study = { ...r.study, rate: ratio(r.study.activeMembers, r.study.members) };
  const { score, band } = complianceScore({
    meetings: r.meetings?.rate ?? null,
    dues: dues.rate,
    study: study.rate,
    inspection: r.inspection?.rate ?? null,
    findings: findingsRate(r.findings),
  });
  return { ...r, dues, study, score, band };
}

/**
 * A 党总支 (or base committee) answers for the branches under it: its row adds up their counts (and
 * its own) and its rates are taken from those sums, so a district reads the unit as a whole.
 */
function rollUp(rows: ComplianceRow[]): ComplianceRow[] {
  const childrenOf = new Map<string, ComplianceRow[]>();
  for (const r of rows)
    if (r.parentId) childrenOf.set(r.parentId, [...(childrenOf.get(r.parentId) ?? []), r]);
  return rows.map((r) => {
    const kids = (childrenOf.get(r.branchId) ?? []).filter((k) => !k.noRecords);
    if (r.kind === "branch" || !kids.length) return r;
    const all = [r, ...kids];
    const sum = (f: (x: ComplianceRow) => number) => all.reduce((n, x) => n + f(x), 0);
    const withMeetings = all.filter((x) => x.meetings);
    const meetings = withMeetings.length
      ? {
          required: sum((x) => x.meetings?.required ?? 0),
          held: sum((x) => x.meetings?.held ?? 0),
          missingPeriods: sum((x) => x.meetings?.missingPeriods ?? 0),
          periodsJudged: sum((x) => x.meetings?.periodsJudged ?? 0),
          periodsMet: sum((x) => x.meetings?.periodsMet ?? 0),
          rate: ratio(
            sum((x) => x.meetings?.periodsMet ?? 0),
            sum((x) => x.meetings?.periodsJudged ?? 0),
          ),
          missing: [],
        }
      : null;
    return scored({
      ...r,
      dataAsOf: all.map((x) => x.dataAsOf).sort()[0]!,
      noRecords: false,
      rolledUp: kids.map((k) => k.branchId),
      partyMembers: sum((x) => x.partyMembers),
      meetings,
      dues: { due: sum((x) => x.dues.due), paid: sum((x) => x.dues.paid), rate: null },
      study: {
        members: sum((x) => x.study.members),
        activeMembers: sum((x) => x.study.activeMembers),
        points: sum((x) => x.study.points),
        rate: null,
      },
      findings: {
        info: sum((x) => x.findings.info),
        warning: sum((x) => x.findings.warning),
        severe: sum((x) => x.findings.severe),
      },
    });
  });
}

/** 支委会: 2026-09、2026-10；党课: 2026-Q3 */
function missingText(r: ComplianceRow): string | null {
  if (!r.meetings?.missing.length) return null;
  return r.meetings.missing.map((m) => `${m.label}: ${m.periods.join("、")}`).join("；");
}

/** A cell that says "no records" for a period before the unit's records, else the value. */
const orNoRecords =
  (value: (r: ComplianceRow, lang: Lang) => string | number | null) => (r: ComplianceRow, lang: Lang) =>
    r.noRecords ? pickLabel(NO_RECORDS, lang) : value(r, lang);

export const COMPLIANCE_COLUMNS: Column<ComplianceRow>[] = [
  { zh: "区县", en: "District", value: (r) => r.districtName },
  { zh: "组织名称", en: "Unit", value: (r) => r.branchName },
  { zh: "组织编号", en: "Unit ID", value: (r) => r.branchId },
  { zh: "类型", en: "Kind", value: (r, lang) => pickLabel(UNIT_KIND_LABELS[r.kind], lang) },
  { zh: "记录起始日期", en: "Records from", value: (r) => r.recordsFrom },
  { zh: "统计截至", en: "As of", value: (r) => r.asOf },
  { zh: "综合得分(满分100)", en: "Score (of 100)", value: orNoRecords((r) => r.score) },
  { zh: "等级", en: "Band", value: orNoRecords((r, lang) => pickLabel(BAND_LABELS[r.band], lang)) },
  { zh: "党员人数(人)", en: "Party members", value: (r) => r.partyMembers },
  { zh: "应开会议(次)", en: "Meetings required", value: orNoRecords((r) => r.meetings?.required ?? null) },
  { zh: "已开会议(次)", en: "Meetings held", value: orNoRecords((r) => r.meetings?.held ?? null) },
  { zh: "缺会期数(期)", en: "Periods missed", value: orNoRecords((r) => r.meetings?.missingPeriods ?? null) },
  {
    zh: "会议达标率(按期)",
    en: "Meeting rate (periods met / judged)",
    value: orNoRecords((r) => percent(r.meetings?.rate ?? null)),
  },
  { zh: "缺会明细", en: "Missed periods by meeting", value: orNoRecords((r) => missingText(r)) },
  { zh: "应缴党费(人月)", en: "Dues owed (member-months)", value: orNoRecords((r) => r.dues.due) },
  { zh: "已缴党费(人月)", en: "Dues paid (member-months)", value: orNoRecords((r) => r.dues.paid) },
  {
    zh: "党费收缴率(按人月)",
    en: "Dues rate (member-months)",
    value: orNoRecords((r) => percent(r.dues.rate)),
  },
  { zh: "应参学党员(人)", en: "Members expected to study", value: orNoRecords((r) => r.study.members) },
  { zh: "参学党员(人)", en: "Members studying", value: orNoRecords((r) => r.study.activeMembers) },
  { zh: "学习参与率(按人)", en: "Study rate (members)", value: orNoRecords((r) => percent(r.study.rate)) },
  { zh: "学习积分(分)", en: "Study points", value: orNoRecords((r) => r.study.points) },
  { zh: "未整改预警(提示)", en: "Open findings (info)", value: (r) => r.findings.info },
  { zh: "未整改预警(警告)", en: "Open findings (warning)", value: (r) => r.findings.warning },
  { zh: "未整改预警(严重)", en: "Open findings (severe)", value: (r) => r.findings.severe },
  { zh: "最近检查季度", en: "Inspection period", value: (r) => r.inspection?.period ?? null },
  { zh: "检查得分(分)", en: "Inspection score", value: (r) => r.inspection?.score ?? null },
  { zh: "检查满分(分)", en: "Inspection max", value: (r) => r.inspection?.maxScore ?? null },
  { zh: "检查等次", en: "Inspection grade", value: (r) => r.inspection?.grade ?? null },
  { zh: "入党申请人(人)", en: "Applicants", value: (r) => r.pipeline.applicant },
  { zh: "入党积极分子(人)", en: "Activists", value: (r) => r.pipeline.activist },
  { zh: "发展对象(人)", en: "Candidates", value: (r) => r.pipeline.candidate },
  { zh: "预备党员(人)", en: "Probationary", value: (r) => r.pipeline.probationary },
  { zh: "发展环节逾期(项)", en: "Overdue steps", value: (r) => r.pipeline.overdueSteps },
  {
    zh: "汇总下级组织",
    en: "Rolled up from",
    value: (r) => (r.rolledUp.length ? r.rolledUp.join(" ") : null),
  },
  { zh: "数据截至", en: "Data as of", value: (r) => r.dataAsOf },
];
