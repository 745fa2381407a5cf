import type { MemberRow } from "@vanguard/db";
import type { CaseRead, CaseRow, ComplaintRow, StepRow } from "@vanguard/db/onboarding";
import {
  type CaseState,
  type CultivationReviewFacts,
  caseDocumentsAvailable,
  caseEvidence,
  completedSteps,
  confirmedHoursBetween,
  DOCUMENT_KINDS,
  EVIDENCE_DOCUMENTS,
  type EvidenceDocument,
  nextSteps,
  overdueSteps,
  type StepCode,
  stepDefinition,
  type VersionedPipelineRules,
} from "@vanguard/domain";
import type { Lang } from "@vanguard/platform";
import { pick, ruleResult } from "../shared/localize";

/** A case as the API shows it: where it stands, what is done, what can come next and why not. */
export function caseView(
  c: {
    row: CaseRow;
    member: MemberRow;
    state: CaseState;
    openComplaints: number;
    confirmedService?: { servedOn: string; hours: number }[];
  },
  ruleSet: VersionedPipelineRules,
  today: string,
  lang: Lang,
  /** the current documents attached to each step the district requires documents of */
  attached: ReadonlyMap<StepCode, readonly string[]> = new Map(),
) {
  const confirmedService = c.confirmedService ?? [];
  const facts = { today, openComplaints: c.openComplaints, confirmedService };
  const done = completedSteps(c.state);
  const next = nextSteps(c.state, facts, ruleSet.rules);
  const base = `/v1/branches/${c.row.branchId}/development/cases/${c.row.id}`;
  const doc = (d: EvidenceDocument) => ({ code: d, label: pick(EVIDENCE_DOCUMENTS[d], lang) });
  return {
    id: c.row.id,
    memberId: c.row.memberId,
    member: { name: c.member.name, status: c.member.status, joinedOn: c.member.joinedOn },
    stage: c.row.stage,
    appliedOn: c.row.appliedOn,
    probationEndsOn: c.row.probationEndsOn,
    extensionsApproved: c.row.extensionsApproved,
    fullOn: c.row.fullOn,
    closedOn: c.row.closedOn,
    closedReason: c.row.closedReason,
    completedSteps: done,
    nextSteps: next.map((n) => ({
      ...n,
      label: pick(stepDefinition(n.step).label, lang),
      blockers: n.blockers.map((b) => ruleResult(b, lang)),
    })),
    overdue: overdueSteps(c.state, today, ruleSet.rules).map((o) => ruleResult(o.failure, lang)),
    openComplaints: c.openComplaints,
    service: {
      confirmedHours: confirmedHoursBetween(confirmedService, null, today),
      confirmedSessions: confirmedService.length,
      required: ruleSet.rules.serviceHours,
    },
    evidence: {
      enforcement: ruleSet.rules.evidence.enforcement,
      steps: caseEvidence(
        [...done, ...next.map((n) => n.step)],
        (s) => attached.get(s) ?? [],
        ruleSet.rules.evidence,
      ).map((e) => ({
        step: e.step,
        label: pick(stepDefinition(e.step).label, lang),
        recorded: done.includes(e.step),
        required: e.required.map(doc),
        missing: e.missing.map(doc),
      })),
    },
    forms: caseDocumentsAvailable(done).map((k) => ({
      kind: k,
      label: pick(DOCUMENT_KINDS[k].label, lang),
      url: `${base}/documents/${k}.docx`,
    })),
    ruleSetVersion: ruleSet.version,
    lastStep: c.row.lastStep as StepCode,
    lastStepOn: c.row.lastStepOn,
    createdAt: c.row.createdAt,
    updatedAt: c.row.updatedAt,
    version: c.row.version,
  };
}

export function caseListItem(r: CaseRow & { memberName: string }) {
  return {
    id: r.id,
    memberId: r.memberId,
    memberName: r.memberName,
    stage: r.stage,
    appliedOn: r.appliedOn,
    lastStep: r.lastStep as StepCode,
    lastStepOn: r.lastStepOn,
    probationEndsOn: r.probationEndsOn,
    closedOn: r.closedOn,
    version: r.version,
  };
}

export function stepView(s: StepRow, lang: Lang) {
  const def = stepDefinition(s.step as StepCode);
  return {
    id: s.id,
    caseId: s.caseId,
    memberId: s.memberId,
    seq: s.seq,
    step: def.code,
    number: def.number,
    label: pick(def.label, lang),
    occurredOn: s.occurredOn,
    cycle: s.cycle,
    data: JSON.parse(s.data) as Record<string, unknown>,
    documents: JSON.parse(s.documents) as { title: string; ref?: string }[],
    note: s.note,
    warnings: (JSON.parse(s.warnings) as Parameters<typeof ruleResult>[0][]).map((w) => ruleResult(w, lang)),
    ruleSetVersion: s.ruleSetVersion,
    recordedAt: s.recordedAt,
    recordedBy: s.recordedBy,
    recordedRole: s.recordedRole,
    importedFrom: s.importedFrom,
    facts: s.facts ? (JSON.parse(s.facts) as CultivationReviewFacts) : null,
  };
}

export type TimelineEntry = {
  kind: "step" | "complaint_received" | "complaint_resolved" | "case_closed" | "service_confirmed";
  on: string;
  id: string;
  label: string;
  recordedAt: string | null;
  recordedBy: string | null;
} & Record<string, unknown>;

const COMPLAINT_RECEIVED = { zh: "收到群众反映问题", en: "Complaint received" };
const COMPLAINT_RESOLVED = { zh: "群众反映问题已查清", en: "Complaint resolved" };
const CASE_CLOSED = { zh: "案卷结束", en: "Case closed" };
const SERVICE_CONFIRMED = { zh: "社区（村）报到服务（已确认）", en: "Community service (confirmed)" };

/**
 * Everything that happened on a case in date order (全程纪实): steps with their data and documents,
 * complaints received and resolved, the closing. Complaints are left out for the person themself.
 */
export function timeline(
  row: CaseRow,
  steps: StepRow[],
  complaints: ComplaintRow[],
  lang: Lang,
  withComplaints: boolean,
  service: CaseRead["service"] = [],
): TimelineEntry[] {
  const out: TimelineEntry[] = steps.map((s) => {
    const v = stepView(s, lang);
    return {
      kind: "step",
      on: v.occurredOn,
      id: v.id,
      step: v.step,
      number: v.number,
      label: v.label,
      data: v.data,
      documents: v.documents,
      note: v.note,
      warnings: v.warnings,
      facts: v.facts,
      ruleSetVersion: v.ruleSetVersion,
      recordedAt: v.recordedAt,
      recordedBy: v.recordedBy,
      imported: v.importedFrom !== null,
    };
  });
  if (withComplaints) {
    for (const c of complaints) {
      out.push({
        kind: "complaint_received",
        on: c.receivedOn,
        id: c.id,
        label: pick(COMPLAINT_RECEIVED, lang),
        text: c.summary,
        recordedAt: c.recordedAt,
        recordedBy: c.recordedBy,
      });
      if (c.status === "resolved" && c.resolvedOn) {
        out.push({
          kind: "complaint_resolved",
          on: c.resolvedOn,
          id: c.id,
          label: pick(COMPLAINT_RESOLVED, lang),
          text: c.resolution,
          recordedAt: c.resolvedAt,
          recordedBy: c.resolvedBy,
        });
      }
    }
  }
  for (const s of service) {
    out.push({
      kind: "service_confirmed",
      on: s.servedOn,
      id: s.id,
      label: pick(SERVICE_CONFIRMED, lang),
      text: s.description,
      hours: s.hours,
      confirmedBy: s.confirmedBy,
      recordedAt: s.confirmedAt,
      recordedBy: null,
    });
  }
  if (row.stage === "closed" && row.closedReason && row.closedOn) {
    out.push({
      kind: "case_closed",
      on: row.closedOn,
      id: row.id,
      label: pick(CASE_CLOSED, lang),
      text: row.closedReason,
      recordedAt: row.updatedAt,
      recordedBy: null,
    });
  }
  return out.sort((a, b) => timelineKey(a).localeCompare(timelineKey(b)));
}

/** Date first, then the moment it was recorded: the order a reader of the file expects. */
export function timelineKey(e: TimelineEntry): string {
  return `${e.on}|${e.recordedAt ?? ""}|${e.kind}|${e.id}`;
}
