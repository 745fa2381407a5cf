import { latestRuleSetsOf } from "@vanguard/db";
import { type DevelopmentFacts, type ReportSet, readDevelopmentFacts } from "@vanguard/db/reports";
import {
  addFunnels,
  FUNNEL_STEPS,
  type FunnelCounts,
  funnelConversion,
  OVERDUE_STEP_RULES,
  PIPELINE_RULES_KIND,
  resolvePipelineRules,
} from "@vanguard/domain";
import type { Column } from "../shared/csv";
import { branchesOf, type ReportScope } from "./report-scope";

export interface DevelopmentRow {
  districtId: string;
  districtName: string;
  branchId: string;
  branchName: string;
  kind: "branch" | "general_branch" | "committee";
  funnel: FunnelCounts;
  closed: number;
  open: { applicant: number; activist: number; candidate: number; probationary: number };
  overdueSteps: number;
  overdue: Record<string, number>;
  stepsMissingEvidence: number;
  service: { confirmedHours: number; people: number };
}

export interface DevelopmentDistrict {
  districtId: string;
  districtName: string;
  funnel: FunnelCounts;
  conversion: Record<keyof FunnelCounts, number | null>;
  closed: number;
  open: DevelopmentRow["open"];
  overdueSteps: number;
  overdue: Record<string, number>;
  stepsMissingEvidence: number;
  service: { confirmedHours: number; people: number };
}

/** What each district's latest pipeline rules require of which step, as [district, step, document] triples. */
async function requiredEvidence(scope: ReportScope): Promise<[string, string, string][]> {
  const ids = scope.directory.districts.map((d) => d.id);
  const sets = await latestRuleSetsOf(scope.plane, ids, [PIPELINE_RULES_KIND.module]);
  return sets.flatMap((s) =>
    Object.entries(resolvePipelineRules(JSON.parse(s.body)).evidence.required).flatMap(([step, docs]) =>
      (docs ?? []).map((d): [string, string, string] => [s.districtId, step, d]),
    ),
  );
}

export async function developmentOfSet(
  scope: ReportScope,
  rs: ReportSet,
  year: number,
): Promise<DevelopmentRow[]> {
  const facts = await readDevelopmentFacts(rs.set, {
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    steps: FUNNEL_STEPS,
    overdueRules: OVERDUE_STEP_RULES,
    requiredEvidence: await requiredEvidence(scope),
  });
  const names = new Map(scope.directory.districts.map((d) => [d.id, d.name]));
  return branchesOf(scope, rs).map((b) => {
    const f = facts.get(b.id) as DevelopmentFacts;
    return {
      districtId: b.districtId,
      districtName: names.get(b.districtId) ?? b.districtId,
      branchId: b.id,
      branchName: b.name,
      kind: b.kind,
      funnel: f.funnel,
      closed: f.closed,
      open: f.open,
      overdueSteps: Object.values(f.overdue).reduce((a, n) => a + n, 0),
      overdue: f.overdue,
      stepsMissingEvidence: f.stepsMissingEvidence,
      service: f.service,
    };
  });
}

/** The district's funnel: its branches added up. */
export function districtFunnels(scope: ReportScope, rows: readonly DevelopmentRow[]): DevelopmentDistrict[] {
  return scope.directory.districts.map((d) => {
    const mine = rows.filter((r) => r.districtId === d.id);
    const funnel = addFunnels(mine.map((r) => r.funnel));
    const open = { applicant: 0, activist: 0, candidate: 0, probationary: 0 };
    const overdue: Record<string, number> = {};
    for (const r of mine) {
      for (const k of Object.keys(open) as (keyof typeof open)[]) open[k] += r.open[k];
      for (const [rule, n] of Object.entries(r.overdue)) overdue[rule] = (overdue[rule] ?? 0) + n;
    }
    return {
      districtId: d.id,
      districtName: d.name,
      funnel,
      conversion: funnelConversion(funnel),
      closed: mine.reduce((a, r) => a + r.closed, 0),
      open,
      overdueSteps: mine.reduce((a, r) => a + r.overdueSteps, 0),
      overdue,
      stepsMissingEvidence: mine.reduce((a, r) => a + r.stepsMissingEvidence, 0),
      service: {
        confirmedHours: mine.reduce((a, r) => a + r.service.confirmedHours, 0),
        people: mine.reduce((a, r) => a + r.service.people, 0),
      },
    };
  });
}

export const DEVELOPMENT_COLUMNS: Column<DevelopmentRow>[] = [
  { zh: "区县", en: "District", value: (r) => r.districtName },
  { zh: "组织名称", en: "Branch", value: (r) => r.branchName },
  { zh: "组织编号", en: "Branch ID", value: (r) => r.branchId },
  { zh: "类型", en: "Kind", value: (r) => r.kind },
  { zh: "递交申请", en: "Applied", value: (r) => r.funnel.applied },
  { zh: "确定积极分子", en: "Activists designated", value: (r) => r.funnel.activists },
  { zh: "确定发展对象", en: "Candidates designated", value: (r) => r.funnel.candidates },
  { zh: "接收预备党员", en: "Admitted (probationary)", value: (r) => r.funnel.admitted },
  { zh: "转为正式党员", en: "Became full members", value: (r) => r.funnel.full },
  { zh: "终止培养", en: "Cases closed", value: (r) => r.closed },
  { zh: "在培申请人", en: "Open: applicants", value: (r) => r.open.applicant },
  { zh: "在培积极分子", en: "Open: activists", value: (r) => r.open.activist },
  { zh: "在培发展对象", en: "Open: candidates", value: (r) => r.open.candidate },
  { zh: "在册预备党员", en: "Open: probationary", value: (r) => r.open.probationary },
  { zh: "逾期环节", en: "Overdue steps", value: (r) => r.overdueSteps },
  { zh: "缺少材料的环节", en: "Steps missing evidence", value: (r) => r.stepsMissingEvidence },
  { zh: "报到服务确认时长", en: "Confirmed service hours", value: (r) => r.service.confirmedHours },
  { zh: "参加报到服务人数", en: "People serving", value: (r) => r.service.people },
];
