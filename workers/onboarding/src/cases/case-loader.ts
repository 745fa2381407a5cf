import { currentDocuments, type TenantContext } from "@vanguard/db";
import {
  type CaseRead,
  type caseForStepOf,
  caseStateOf,
  readCase,
  type StepPeopleRead,
} from "@vanguard/db/onboarding";
import { type CaseState, failure, type StepCode, type StepEvidenceRules } from "@vanguard/domain";
import { notFound, ruleViolation } from "@vanguard/platform";
import { stepTarget } from "../evidence/step-attachments";

export interface LoadedCase extends CaseRead {
  state: CaseState;
  openComplaints: number;
  /** confirmed community-service sessions, as the service gate reads them */
  confirmedService: { servedOn: string; hours: number }[];
}

function loaded(read: CaseRead | undefined): LoadedCase {
  if (!read) throw notFound();
  return {
    ...read,
    state: caseStateOf(read.row, read.steps, read.member.birthDate),
    openComplaints: read.complaints.filter((c) => c.status === "open").length,
    confirmedService: read.service,
  };
}

/** A case with everything its rules read: the person, the steps so far, the complaints (one round trip). */
export async function loadCase(tc: TenantContext, caseId: string): Promise<LoadedCase> {
  return loaded(await readCase(tc, caseId));
}

/** The case and the people a step names, as `caseForStepReads` answered them for recording the step. */
export function loadedForStep(read: ReturnType<typeof caseForStepOf>): LoadedCase & StepPeopleRead {
  return { ...loaded(read), ...read! };
}

/** A person who transferred out continues their case in the new branch; this copy is closed to changes. */
export function requirePresent(loaded: LoadedCase): void {
  if (!loaded.member.leftOn) return;
  throw ruleViolation([
    failure(
      "member_left",
      {
        zh: "此人已离开本支部，案卷在此不可再变更",
        en: "This person has left the branch; the case cannot change here",
      },
      { leftOn: loaded.member.leftOn, leftReason: loaded.member.leftReason },
    ),
  ]);
}

/**
 * The current documents of each step of the case that the district requires documents of: one
 * query, and none at all while the district requires nothing.
 */
export async function requiredStepDocuments(
  tc: TenantContext,
  caseId: string,
  rules: StepEvidenceRules,
): Promise<Map<StepCode, string[]>> {
  const steps = (Object.keys(rules.required) as StepCode[]).filter((s) => rules.required[s]?.length);
  if (steps.length === 0) return new Map();
  const docs = await currentDocuments(
    tc,
    "development_step",
    steps.map((s) => stepTarget(caseId, s)),
  );
  return new Map(steps.map((s) => [s, docs.get(stepTarget(caseId, s)) ?? []]));
}
