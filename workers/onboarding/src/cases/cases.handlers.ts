import {
  currentRules,
  getMember,
  insertMembers,
  type MemberRow,
  newId,
  type TenantContext,
  tenantWrite,
} from "@vanguard/db";
import {
  type CaseRow,
  insertCase,
  insertStep,
  listCases,
  openCaseOf,
  updateCase,
} from "@vanguard/db/onboarding";
import {
  checkMemberFacts,
  closeCase,
  failure,
  isPartyMember,
  MANAGE_BRANCH,
  openingState,
  PIPELINE_RULES_KIND,
  READ_OWN,
  recordStep,
  todayIn,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  claimRollPlace,
  conflictAs,
  decodeCursor,
  internalContext,
  keepableAnswer,
  moduleBranch,
  notFound,
  ProblemError,
  page,
  refuseDuplicatePerson,
  ruleViolation,
  sealedMemberRow,
  writeRequest,
} from "@vanguard/platform";
import type { Context } from "hono";
import type { OnboardingBindings, OnboardingEnv } from "../env";
import { pipelineRulesForViews } from "../rules/view-rules";
import { stepRow } from "../steps/step-row";
import { loadCase, requiredStepDocuments, requirePresent } from "./case-loader";
import type { CloseRoute, CreateRoute, GetRoute, ListRoute, TimelineRoute } from "./cases.routes";
import { caseListItem, caseView, timelineKey, timeline as timelineOf } from "./cases.view";
import { personEvent } from "./person";

const OPEN_CASE = {
  zh: "此人已有进行中的发展案卷",
  en: "This person already has an open development case",
};

/** A member key reads its own case only; any other case of the branch does not exist for it. */
function requireOwnCase(c: Context<OnboardingEnv>, memberId: string): void {
  const p = internalContext(c).principal;
  if (p.role === "member" && p.memberId !== memberId) throw notFound();
}

async function existingPerson(tc: TenantContext, memberId: string): Promise<MemberRow> {
  const m = await getMember(tc, memberId);
  const refuse = (rule: string, zh: string, en: string, facts: Record<string, unknown>) =>
    ruleViolation([failure(rule, { zh, en }, facts)]);
  if (!m)
    throw refuse("member_not_on_roll", "本支部没有此人", "No such person on the branch roll", { memberId });
  if (m.leftOn) {
    throw refuse("member_left", "此人已离开本支部", "This person has left the branch", {
      memberId,
      leftOn: m.leftOn,
    });
  }
  if (isPartyMember(m.status)) {
    throw refuse("already_party_member", "此人已是党员", "This person is already a party member", {
      memberId,
      status: m.status,
    });
  }
  return m;
}

export const create: AppRouteHandler<CreateRoute, OnboardingBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  const ruleSet = await currentRules(c.get("plane"), tc.districtId, PIPELINE_RULES_KIND);
  const today = todayIn(tc.timeZone);
  const now = new Date().toISOString();
  const person = body.person;
  let applicant: MemberRow | null = null;
  if (person) {
    const failures = checkMemberFacts({ ...person, status: "applicant" }, today);
    if (failures.length) throw ruleViolation(failures);
    applicant = await sealedMemberRow(c.env, tc, { ...person, status: "applicant" }, now);
  }
  // a new person must not be on another branch's roll already
  const release = applicant ? await claimRollPlace(c, tc, applicant) : null;
  const req = await writeRequest(c, 201);
  const result = await tenantWrite(tc, req, async ({ event }) => {
    const member = applicant ?? (await existingPerson(tc, body.memberId!));
    await refuseDuplicatePerson(tc, applicant);
    if (!applicant && (await openCaseOf(tc, member.id))) throw new ProblemError("conflict", OPEN_CASE);
    const application = { step: "application", occurredOn: body.appliedOn, data: {} } as const;
    const verdict = recordStep(
      openingState(member.birthDate),
      application,
      { today, openComplaints: 0, people: {}, votingMembers: 0 },
      ruleSet.rules,
    );
    if (!verdict.ok) throw ruleViolation(verdict.failures);
    const caseId = newId("developmentCase");
    const row: CaseRow = {
      branchId: tc.branchId,
      id: caseId,
      districtId: tc.districtId,
      memberId: member.id,
      stage: verdict.state.stage,
      appliedOn: body.appliedOn,
      cycle: 0,
      probationEndsOn: null,
      extensionsApproved: 0,
      fullOn: null,
      closedOn: null,
      closedReason: null,
      lastStep: "application",
      lastStepOn: body.appliedOn,
      stepCount: 1,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const first = stepRow({
      tc,
      caseId,
      memberId: member.id,
      seq: 1,
      cycle: 0,
      proposal: application,
      note: body.note,
      documents: body.documents,
      warnings: verdict.warnings,
      ruleSetVersion: ruleSet.version,
      actor: req.actor,
      at: now,
    });
    const view = caseView(
      { row, member, state: verdict.state, openComplaints: 0 },
      ruleSet,
      today,
      c.get("lang"),
    );
    return {
      statements: [
        ...(applicant ? insertMembers(tc, [applicant]) : []),
        insertCase(tc, row),
        insertStep(tc, first),
      ],
      events: [
        ...(applicant ? [event(personEvent(applicant))] : []),
        event({
          action: "development.case_opened",
          subjectType: "development_case",
          subjectId: caseId,
          after: {
            memberId: member.id,
            appliedOn: body.appliedOn,
            stage: row.stage,
            ruleSetVersion: ruleSet.version,
          },
        }),
      ],
      result: view,
    };
  })
    .catch(async (err) => {
      if (applicant) await release!([applicant.id]);
      throw err;
    })
    .catch(conflictAs(OPEN_CASE));
  return c.json(result, 201);
};

export const list: AppRouteHandler<ListRoute, OnboardingBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor, stage } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_OWN);
  const p = internalContext(c).principal;
  if (p.role === "member" && !p.memberId) return c.json({ items: [], nextCursor: null }, 200);
  const rows = await listCases(tc, {
    limit: limit + 1,
    after: decodeCursor(cursor),
    stage,
    memberId: p.role === "member" ? (p.memberId ?? undefined) : undefined,
  });
  return c.json(
    page(rows, limit, (r) => r.id, caseListItem),
    200,
  );
};

export const get: AppRouteHandler<GetRoute, OnboardingBindings> = async (c) => {
  const { branchId, caseId } = c.req.valid("param");
  const tc = moduleBranch(c, branchId, READ_OWN);
  // the case in one round trip; the rules, for showing it, from this isolate's memory when warm
  const [loaded, ruleSet] = await Promise.all([
    loadCase(tc, caseId),
    pipelineRulesForViews(c.get("plane"), tc.districtId),
  ]);
  requireOwnCase(c, loaded.row.memberId);
  const attached = await requiredStepDocuments(tc, caseId, ruleSet.rules.evidence);
  keepableAnswer(c);
  return c.json(caseView(loaded, ruleSet, todayIn(tc.timeZone), c.get("lang"), attached), 200);
};

export const timeline: AppRouteHandler<TimelineRoute, OnboardingBindings> = async (c) => {
  const { branchId, caseId } = c.req.valid("param");
  const { limit, cursor } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_OWN);
  const loaded = await loadCase(tc, caseId);
  requireOwnCase(c, loaded.row.memberId);
  const self = internalContext(c).principal.role === "member";
  const after = decodeCursor(cursor);
  const entries = timelineOf(
    loaded.row,
    loaded.steps,
    loaded.complaints,
    c.get("lang"),
    !self,
    loaded.service,
  ).filter((e) => !after || timelineKey(e) > after);
  return c.json(page(entries, limit, timelineKey), 200);
};

export const close: AppRouteHandler<CloseRoute, OnboardingBindings> = async (c) => {
  const { branchId, caseId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  const ruleSet = await currentRules(c.get("plane"), tc.districtId, PIPELINE_RULES_KIND);
  const today = todayIn(tc.timeZone);
  const result = await tenantWrite(tc, await writeRequest(c), async ({ event }) => {
    const loaded = await loadCase(tc, caseId);
    requirePresent(loaded);
    const verdict = closeCase(loaded.state, body.closedOn, today);
    if (!verdict.ok) throw ruleViolation(verdict.failures);
    const attached = await requiredStepDocuments(tc, caseId, ruleSet.rules.evidence);
    const now = new Date().toISOString();
    const row: CaseRow = {
      ...loaded.row,
      stage: "closed",
      closedOn: body.closedOn,
      closedReason: body.reason,
      updatedAt: now,
      version: loaded.row.version + 1,
    };
    return {
      statements: updateCase(
        tc,
        caseId,
        loaded.row.version,
        { stage: "closed", closedOn: body.closedOn, closedReason: body.reason },
        now,
      ),
      events: [
        event({
          action: "development.case_closed",
          subjectType: "development_case",
          subjectId: caseId,
          before: { stage: loaded.row.stage },
          after: { stage: "closed", closedOn: body.closedOn, reason: body.reason },
        }),
      ],
      result: caseView({ ...loaded, row, state: verdict.state }, ruleSet, today, c.get("lang"), attached),
    };
  });
  return c.json(result, 200);
};
