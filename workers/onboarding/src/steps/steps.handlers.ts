import { currentDocuments, currentRules, tenantWriteReading, workingCalendar } from "@vanguard/db";
import {
  caseForStepOf,
  caseForStepReads,
  changeMemberStatus,
  insertStep,
  type StepPeopleRead,
  type StepRow,
  updateCase,
} from "@vanguard/db/onboarding";
import {
  type CaseFacts,
  cultivationReviewFacts,
  MANAGE_BRANCH,
  MANAGE_DISTRICT,
  namedPeople,
  PIPELINE_RULES_KIND,
  type RuleFailure,
  recordStep,
  rollChange,
  type StepCode,
  type StepFacts,
  stepDefinition,
  stepEvidenceVerdict,
  todayIn,
  type WorkingCalendar,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  forbidden,
  internalContext,
  moduleBranch,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import { loadedForStep, requirePresent } from "../cases/case-loader";
import { stepView } from "../cases/cases.view";
import type { OnboardingBindings } from "../env";
import { stepTarget } from "../evidence/step-attachments";
import { stepRow } from "./step-row";
import type { RecordRoute } from "./steps.routes";

const UPPER_ONLY = {
  zh: "此步骤由上级党委记录（区委组织部账号）",
  en: "This step is recorded by the upper committee (a district admin key)",
};

/** What the gates need to know beyond the case: the people named, the voters on the roll. */
function stepFacts(read: StepPeopleRead, base: CaseFacts, calendar: WorkingCalendar | undefined): StepFacts {
  return {
    ...base,
    people: Object.fromEntries(
      read.people.map((m) => [m.id, { status: m.status, underDiscipline: read.underDiscipline.has(m.id) }]),
    ),
    votingMembers: read.votingMembers,
    calendar,
  };
}

/**
 * The evidence the district requires of this step, attached beforehand (docs/domain.md §Required
 * evidence). The step that opens a case is recorded with the case, before anything can be attached
 * to it, so its documents are due at the case's next step.
 */
async function evidenceVerdict(
  tc: Parameters<typeof currentDocuments>[0],
  caseId: string,
  step: StepCode,
  recordedSoFar: number,
  rules: Parameters<typeof stepEvidenceVerdict>[2],
): Promise<RuleFailure[]> {
  const candidates: StepCode[] =
    recordedSoFar === 1 && step !== "application" ? ["application", step] : [step];
  // no read at all unless the district requires something of these steps
  const due = candidates.filter((d) => (rules.required[d]?.length ?? 0) > 0);
  if (due.length === 0) return [];
  const docs = await currentDocuments(
    tc,
    "development_step",
    due.map((d) => stepTarget(caseId, d)),
  );
  return due.flatMap((d) => stepEvidenceVerdict(d, docs.get(stepTarget(caseId, d)) ?? [], rules));
}

export const record: AppRouteHandler<RecordRoute, OnboardingBindings> = async (c) => {
  const { branchId, caseId } = c.req.valid("param");
  const { note, documents, ...proposal } = c.req.valid("json");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  if (stepDefinition(proposal.step).recordedBy === "upper") {
    // the upper committee's steps are recorded by whoever manages the district, the platform included
    if (!MANAGE_DISTRICT.includes(internalContext(c).principal.role)) throw forbidden(UPPER_ONLY);
  }
  const plane = c.get("plane");
  const today = todayIn(tc.timeZone);
  const lang = c.get("lang");
  const req = await writeRequest(c, 201);
  // the district's rules and calendar are directory data the plan only reads: asked for here, in the
  // same turn as the write asks for the chain's head, they arrive beside it, not a round trip before
  const directory = Promise.all([
    currentRules(plane, tc.districtId, PIPELINE_RULES_KIND),
    proposal.step === "pre_review"
      ? workingCalendar(plane, proposal.data.publicity.from, proposal.data.publicity.to)
      : undefined,
  ]);
  directory.catch(() => undefined); // awaited in the plan; a failure is thrown there
  const people = { people: namedPeople(proposal), on: proposal.occurredOn };
  // the case and the people the step names are asked with the chain's head: the write is then the
  // round trip that reads (beside the directory's) and the one that commits
  const result = await tenantWriteReading(
    tc,
    req,
    () => caseForStepReads(tc, caseId, people),
    async ({ event, read }) => {
      const [ruleSet, calendar] = await directory;
      const loaded = loadedForStep(caseForStepOf(read));
      requirePresent(loaded);
      const facts = stepFacts(
        loaded,
        { today, openComplaints: loaded.openComplaints, confirmedService: loaded.confirmedService },
        calendar,
      );
      const verdict = recordStep(loaded.state, proposal, facts, ruleSet.rules);
      if (!verdict.ok) throw ruleViolation(verdict.failures);
      const evidence = await evidenceVerdict(
        tc,
        caseId,
        proposal.step,
        loaded.row.stepCount,
        ruleSet.rules.evidence,
      );
      const missing = evidence.filter((f) => f.severity === "block");
      if (missing.length) throw ruleViolation(missing);
      verdict.warnings.push(...evidence);
      const now = new Date().toISOString();
      const { row, member } = loaded;
      const s = verdict.state;
      // the reviewer's facts are kept as they stood at recording: hours confirmed later do not rewrite them
      const reviewFacts =
        proposal.step === "cultivation_review"
          ? cultivationReviewFacts(
              loaded.state,
              proposal.occurredOn,
              loaded.service.map((x) => ({ ...x, status: "confirmed" as const })),
            )
          : null;
      const saved: StepRow = stepRow({
        tc,
        caseId,
        memberId: row.memberId,
        seq: row.stepCount + 1,
        cycle: loaded.state.cycle,
        proposal,
        note,
        documents,
        warnings: verdict.warnings,
        facts: reviewFacts,
        ruleSetVersion: ruleSet.version,
        actor: req.actor,
        at: now,
      });
      const roll = rollChange(member, verdict.member);
      const casePatch = {
        stage: s.stage,
        cycle: s.cycle,
        probationEndsOn: s.probationEndsOn,
        extensionsApproved: s.extensionsApproved,
        fullOn: s.fullOn,
        closedOn: s.closedOn,
        ...(s.stage === "closed" && row.stage !== "closed" ? { closedReason: "probation_disqualified" } : {}),
        lastStep: proposal.step,
        lastStepOn: proposal.occurredOn,
        stepCount: row.stepCount + 1,
      };
      return {
        statements: [
          insertStep(tc, saved),
          ...updateCase(tc, caseId, row.version, casePatch, now),
          ...(roll ? changeMemberStatus(tc, member.id, member.version, roll, now) : []),
        ],
        events: [
          event({
            action: "development.step_recorded",
            subjectType: "development_case",
            subjectId: caseId,
            before: { stage: row.stage },
            after: {
              stepId: saved.id,
              step: proposal.step,
              occurredOn: proposal.occurredOn,
              data: proposal.data,
              stage: s.stage,
              ruleSetVersion: ruleSet.version,
              warnings: verdict.warnings.map((w) => w.rule),
              ...(reviewFacts ? { facts: reviewFacts } : {}),
            },
          }),
          ...(roll
            ? [
                event({
                  action: "member.status_changed",
                  subjectType: "member",
                  subjectId: member.id,
                  before: { status: member.status, joinedOn: member.joinedOn },
                  after: { ...roll, via: { caseId, step: proposal.step } },
                }),
              ]
            : []),
        ],
        result: {
          ...stepView(saved, lang),
          case: {
            id: caseId,
            stage: s.stage,
            version: row.version + 1,
            probationEndsOn: s.probationEndsOn,
            fullOn: s.fullOn,
            closedOn: s.closedOn,
          },
        },
      };
    },
  );
  return c.json(result, 201);
};
