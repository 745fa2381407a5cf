import { type ReportSet, readStudyFacts, type StudyFacts } from "@vanguard/db/reports";
import { firstJudgedMonth, NO_RECORDS, percent, ratio, round } from "@vanguard/domain";
import type { Column } from "../shared/csv";
import { branchesOf, type ReportScope } from "./report-scope";

export interface StudyRow {
  districtId: string;
  districtName: string;
  branchId: string;
  branchName: string;
  kind: "branch" | "general_branch" | "committee";
  month: string;
  /** the month lies before the unit's records start (docs/adoption.md) */
  noRecords: boolean;
  partyMembers: number;
  activeMembers: number;
  /** share of current party members with any study activity in the month */
  activityRate: number | null;
  points: number;
  averagePoints: number | null;
  activities: number;
  activeDays: number;
}

export async function studyOfSet(scope: ReportScope, rs: ReportSet, month: string): Promise<StudyRow[]> {
  const facts = await readStudyFacts(rs.set, month);
  const names = new Map(scope.directory.districts.map((d) => [d.id, d.name]));
  return branchesOf(scope, rs).map((b) => {
    const f = facts.get(b.id) as StudyFacts;
    const noRecords = month < firstJudgedMonth(b.recordsFrom);
    return {
      districtId: b.districtId,
      districtName: names.get(b.districtId) ?? b.districtId,
      branchId: b.id,
      branchName: b.name,
      kind: b.kind,
      month,
      noRecords,
      partyMembers: f.partyMembers,
      activeMembers: f.activeMembers,
      activityRate: noRecords ? null : ratio(f.activeMembers, f.partyMembers),
      points: f.points,
      averagePoints: f.partyMembers && !noRecords ? round(f.points / f.partyMembers, 1) : null,
      activities: f.activities,
      activeDays: f.activeDays,
    };
  });
}

export const STUDY_COLUMNS: Column<StudyRow>[] = [
  { zh: "区县", en: "District", value: (r) => r.districtName },
  { zh: "组织名称", en: "Branch", value: (r) => r.branchName },
  { zh: "组织编号", en: "Branch ID", value: (r) => r.branchId },
  { zh: "月份", en: "Month", value: (r) => r.month },
  { zh: "党员人数", en: "Party members", value: (r) => r.partyMembers },
  { zh: "参学人数", en: "Members studying", value: (r) => r.activeMembers },
  {
    zh: "学习参与率(按人)",
    en: "Activity rate (members)",
    value: (r, lang) =>
      r.noRecords ? (lang === "en" ? NO_RECORDS.en : NO_RECORDS.zh) : percent(r.activityRate),
  },
  { zh: "学习积分", en: "Points", value: (r) => r.points },
  { zh: "人均积分", en: "Average points", value: (r) => r.averagePoints },
  { zh: "学习次数", en: "Activities", value: (r) => r.activities },
  { zh: "学习人天", en: "Active member-days", value: (r) => r.activeDays },
];
