import type { Actor, TenantContext } from "@vanguard/db";
import { newId } from "@vanguard/db";
import type { StepRow } from "@vanguard/db/onboarding";
import type { CultivationReviewFacts, RuleFailure, StepRecord } from "@vanguard/domain";

/** A checked step as stored: append-only, with its warnings and the rule-set version it was checked against. */
export function stepRow(s: {
  tc: TenantContext;
  caseId: string;
  memberId: string;
  seq: number;
  cycle: number;
  proposal: StepRecord;
  note: string | undefined;
  documents: { title: string; ref?: string }[] | undefined;
  warnings: RuleFailure[];
  facts?: CultivationReviewFacts | null;
  ruleSetVersion: number;
  actor: Actor;
  at: string;
}): StepRow {
  return {
    branchId: s.tc.branchId,
    id: newId("developmentStep"),
    districtId: s.tc.districtId,
    caseId: s.caseId,
    memberId: s.memberId,
    seq: s.seq,
    step: s.proposal.step,
    cycle: s.cycle,
    occurredOn: s.proposal.occurredOn,
    data: JSON.stringify(s.proposal.data),
    documents: JSON.stringify(s.documents ?? []),
    note: s.note ?? null,
    warnings: JSON.stringify(s.warnings),
    ruleSetVersion: s.ruleSetVersion,
    recordedAt: s.at,
    recordedBy: s.actor.principalId,
    recordedRole: s.actor.role,
    importedFrom: null,
    facts: s.facts ? JSON.stringify(s.facts) : null,
  };
}
