import { type ComplianceFacts, type ReportSet, readComplianceFacts } from "@vanguard/db";
import {
  complianceScore,
  findingsRate,
  meetingCompliance,
  OVERDUE_STEP_RULES,
  quarterOf,
  ratio,
  reportPeriod,
  summarizeMeetings,
  todayIn,
} from "@vanguard/domain";
import type { Column } from "./csv";
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
  partyMembers: number;
  /** null for a general branch or committee: the cadence of 三会一课 binds a branch */
  meetings: { required: number; held: number; missingPeriods: number; rate: number | null } | null;
  dues: { due: number; paid: number; rate: number | null };
  study: { activeMembers: number; points: number; rate: number | null };
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

/** Scores one set of branches of one shard: one batch of aggregates, then pure domain rules. */
export async function complianceOfSet(
  scope: ReportScope,
  rs: ReportSet,
  periodKey: string | undefined,
): Promise<ComplianceRow[]> {
  const period = reportPeriod(periodKey, todayIn(rs.timeZone));
  const facts = await readComplianceFacts(rs.set, {
    meetingsFrom: `${period.year}-01-01`,
    asOf: period.asOf,
    duesMonths: period.duesMonths,
    studyKeys: period.studyKeys,
    inspectionUpTo: quarterOf(period.asOf),
    overdueRules: OVERDUE_STEP_RULES,
  });
  const districts = new Map(scope.directory.districts.map((d) => [d.id, d]));
  return branchesOf(scope, rs).map((b) => {
    const f = facts.get(b.id) as ComplianceFacts;
    const meetings =
      b.kind === "branch"
        ? summarizeMeetings(
            meetingCompliance({
              year: period.year,
              asOf: period.asOf,
              since: b.foundedOn,
              hasCommittee: f.hasCommittee,
              rules: meetingRules(scope.directory, b.districtId),
              meetings: f.meetings,
            }),
            period.ended ? period.to : null,
          )
        : null;
    const dues = { due: f.duesDue, paid: f.duesPaid, rate: ratio(f.duesPaid, f.duesDue) };
    const study = {
      activeMembers: f.studyActive,
      points: f.studyPoints,
      rate: period.studyKeys.length ? ratio(f.studyActive, f.partyMembers) : null,
    };
    const inspection = f.inspection && {
      period: f.inspection.period,
      score: f.inspection.finalTotal,
      maxScore: f.inspection.maxTotal,
      grade: f.inspection.grade,
      rate: ratio(f.inspection.finalTotal, f.inspection.maxTotal),
    };
    const { score, band } = complianceScore({
      meetings: meetings?.rate ?? null,
      dues: dues.rate,
      study: study.rate,
      inspection: inspection?.rate ?? null,
      findings: findingsRate(f.openFindings),
    });
    return {
      districtId: b.districtId,
      districtName: districts.get(b.districtId)?.name ?? b.districtId,
      branchId: b.id,
      branchName: b.name,
      kind: b.kind,
      parentId: b.parentId,
      asOf: period.asOf,
      partyMembers: f.partyMembers,
      meetings,
      dues,
      study,
      findings: f.openFindings,
      inspection,
      pipeline: { ...f.pipeline, overdueSteps: f.overdueSteps },
      score,
      band,
    };
  });
}

export const COMPLIANCE_COLUMNS: Column<ComplianceRow>[] = [
  { zh: "区县", en: "District", value: (r) => r.districtName },
  { zh: "组织名称", en: "Branch", value: (r) => r.branchName },
  { zh: "组织编号", en: "Branch ID", value: (r) => r.branchId },
  { zh: "类型", en: "Kind", value: (r) => r.kind },
  { zh: "统计截至", en: "As of", value: (r) => r.asOf },
  { zh: "综合得分", en: "Score", value: (r) => r.score },
  { zh: "等级", en: "Band", value: (r) => r.band },
  { zh: "党员人数", en: "Party members", value: (r) => r.partyMembers },
  { zh: "应开会议", en: "Meetings required", value: (r) => r.meetings?.required ?? null },
  { zh: "已开会议", en: "Meetings held", value: (r) => r.meetings?.held ?? null },
  { zh: "缺会期数", en: "Periods missed", value: (r) => r.meetings?.missingPeriods ?? null },
  { zh: "会议达标率", en: "Meeting rate", value: (r) => r.meetings?.rate ?? null },
  { zh: "应缴党费(人月)", en: "Dues owed (member-months)", value: (r) => r.dues.due },
  { zh: "已缴党费(人月)", en: "Dues paid (member-months)", value: (r) => r.dues.paid },
  { zh: "党费收缴率", en: "Dues rate", value: (r) => r.dues.rate },
  { zh: "参学人数", en: "Members studying", value: (r) => r.study.activeMembers },
  { zh: "学习参与率", en: "Study rate", value: (r) => r.study.rate },
  { zh: "学习积分", en: "Study points", value: (r) => r.study.points },
  { zh: "未整改预警(提示)", en: "Open findings (info)", value: (r) => r.findings.info },
  { zh: "未整改预警(警告)", en: "Open findings (warning)", value: (r) => r.findings.warning },
  { zh: "未整改预警(严重)", en: "Open findings (severe)", value: (r) => r.findings.severe },
  { zh: "最近检查季度", en: "Inspection period", value: (r) => r.inspection?.period ?? null },
  { zh: "检查得分", en: "Inspection score", value: (r) => r.inspection?.score ?? null },
  { zh: "检查满分", en: "Inspection max", value: (r) => r.inspection?.maxScore ?? null },
  { zh: "检查等次", en: "Inspection grade", value: (r) => r.inspection?.grade ?? null },
  { zh: "入党申请人", en: "Applicants", value: (r) => r.pipeline.applicant },
  { zh: "入党积极分子", en: "Activists", value: (r) => r.pipeline.activist },
  { zh: "发展对象", en: "Candidates", value: (r) => r.pipeline.candidate },
  { zh: "预备党员", en: "Probationary", value: (r) => r.pipeline.probationary },
  { zh: "发展环节逾期", en: "Overdue steps", value: (r) => r.pipeline.overdueSteps },
];
