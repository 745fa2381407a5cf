import { currentRules, type DataPlane, newId, type TenantContext, tenantWrite } from "@vanguard/db";
import {
  type AppraisalRow,
  appraisalRolls,
  castBallot,
  closeBallotBox,
  getAppraisal,
  hasVoted,
  insertAppraisal,
  listAppraisals,
  namesOf,
  newAppraisalRow,
  newGradeRows,
  partyMemberIds,
  setGrade,
  updateAppraisal,
} from "@vanguard/db/evaluations";
import {
  type AppraisalGrade,
  BRANCH_ONLY,
  BRANCH_PEOPLE,
  checkAppraisalYear,
  checkFinalize,
  checkGrade,
  EVALUATION_RULES_KIND,
  excellentLimit,
  MANAGE_BRANCH,
  onRoll,
  READ_OWN,
  todayIn,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  conflictAs,
  decodeCursor,
  invalid,
  moduleBranch,
  notFound,
  ProblemError,
  page,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import type { FinalizeRoute, GetRoute, GradeRoute, ListRoute, OpenRoute } from "./appraisals.routes";
import { appraisalSummary, appraisalView } from "./appraisals.view";

interface Receipt {
  appraisalId: string;
  memberId: string;
  by: "committee" | "mutual";
  /** a mutual ballot is not repeated back: the receipt (and its replay record) would tie it to the voter */
  grade: AppraisalGrade | null;
  selfGrade: AppraisalGrade | null;
  comment: string | null;
}

/** The excellent limit an open appraisal would have under the district's current rules. */
async function limitFor(plane: DataPlane, tc: TenantContext) {
  const { rules } = await currentRules(plane, tc.districtId, EVALUATION_RULES_KIND);
  return (n: number) => excellentLimit(n, rules);
}

async function load(tc: TenantContext, id: string): Promise<AppraisalRow> {
  const a = await getAppraisal(tc, id);
  if (!a) throw notFound();
  return a;
}

export const open: AppRouteHandler<OpenRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { year } = c.req.valid("json");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  const failures = checkAppraisalYear(year, todayIn(tc.timeZone));
  if (failures.length) throw ruleViolation(failures);
  const limit = await limitFor(c.get("plane"), tc);
  const taken = { zh: `本支部 ${year} 年度民主评议已经开始`, en: `The ${year} appraisal is already open` };
  const result = await tenantWrite(tc, await writeRequest(c, 201), async ({ event }) => {
    if ((await listAppraisals(tc, { year, limit: 1 })).length) throw new ProblemError("conflict", taken);
    const ids = await partyMemberIds(tc, year);
    const names = await namesOf(tc, ids);
    const row = newAppraisalRow(tc, {
      id: newId("appraisal"),
      year,
      by: c.get("principal").id,
      at: new Date().toISOString(),
    });
    const roll = newGradeRows(row, ids).map((g) => ({
      ...g,
      name: names.get(g.memberId) ?? null,
      left: false,
    }));
    const view = appraisalView(row, roll, limit);
    return {
      statements: insertAppraisal(tc, row, ids),
      events: [
        event({
          action: "appraisal.opened",
          subjectType: "appraisal",
          subjectId: row.id,
          after: { year, roll: ids },
        }),
      ],
      result: view,
    };
  }).catch(conflictAs(taken));
  return c.json(result, 201);
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor, year } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_OWN);
  const rows = await listAppraisals(tc, { limit: limit + 1, after: decodeCursor(cursor), year });
  const paged = page(rows, limit, (a) => a.id);
  const [rolls, openLimit] = await Promise.all([
    appraisalRolls(
      tc,
      paged.items.map((a) => a.id),
    ),
    limitFor(c.get("plane"), tc),
  ]);
  return c.json(
    {
      items: paged.items.map((a) =>
        appraisalSummary(
          a,
          rolls.filter((g) => g.appraisalId === a.id),
          openLimit,
        ),
      ),
      nextCursor: paged.nextCursor,
    },
    200,
  );
};

export const get: AppRouteHandler<GetRoute> = async (c) => {
  const { branchId, appraisalId } = c.req.valid("param");
  const tc = moduleBranch(c, branchId, READ_OWN);
  const p = c.get("principal");
  const a = await load(tc, appraisalId);
  const [roll, openLimit] = await Promise.all([appraisalRolls(tc, [a.id]), limitFor(c.get("plane"), tc)]);
  const only = p.role === "member" ? (p.memberId ?? "") : undefined;
  return c.json(appraisalView(a, roll, openLimit, only), 200);
};

export const grade: AppRouteHandler<GradeRoute> = async (c) => {
  const { branchId, appraisalId, memberId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, BRANCH_PEOPLE);
  const p = c.get("principal");
  const byCommittee = p.role !== "member";
  if (!byCommittee && body.selfGrade !== undefined) {
    throw invalid("selfGrade", {
      zh: "只有支部委员会登记自评等次",
      en: "Only the committee records self-grades",
    });
  }
  if (!byCommittee && body.comment !== undefined) {
    throw invalid("comment", { zh: "互评不附评语", en: "Mutual votes carry no comment" });
  }
  const result = await tenantWrite<Receipt>(tc, await writeRequest(c), async ({ event }) => {
    const a = await load(tc, appraisalId);
    const [roll, alreadyVoted] = await Promise.all([
      appraisalRolls(tc, [a.id]),
      byCommittee ? false : hasVoted(tc, { appraisalId, rateeId: memberId, raterId: p.memberId ?? "" }),
    ]);
    const counted = (id: string | null) =>
      roll.some(
        (g) => g.memberId === id && onRoll({ left: g.left, grade: g.grade as AppraisalGrade | null }),
      );
    const failures = checkGrade({
      status: a.status,
      raterMemberId: p.memberId,
      rateeId: memberId,
      isParticipant: counted(memberId),
      grade: body.grade,
      comment: body.comment ?? null,
      byCommittee,
      raterOnRoll: counted(p.memberId),
      alreadyVoted,
    });
    if (failures.length) throw ruleViolation(failures);
    const now = new Date().toISOString();
    if (!byCommittee) {
      return {
        statements: castBallot(tc, {
          appraisalId,
          rateeId: memberId,
          raterId: p.memberId!,
          grade: body.grade,
        }),
        // the ballot stays secret: the log says a vote was cast, not which
        events: [
          event({
            action: "appraisal.vote_cast",
            subjectType: "appraisal",
            subjectId: appraisalId,
            after: { memberId },
          }),
        ],
        result: { appraisalId, memberId, by: "mutual", grade: null, selfGrade: null, comment: null },
      };
    }
    const before = roll.find((g) => g.memberId === memberId)!;
    const patch = {
      grade: body.grade,
      selfGrade: body.selfGrade ?? null,
      comment: body.comment ?? null,
      gradedAt: now,
      gradedBy: p.id,
    };
    return {
      statements: setGrade(tc, appraisalId, memberId, patch),
      events: [
        event({
          action: "appraisal.graded",
          subjectType: "member",
          subjectId: memberId,
          before: { appraisalId, grade: before.grade, selfGrade: before.selfGrade, comment: before.comment },
          after: { appraisalId, grade: patch.grade, selfGrade: patch.selfGrade, comment: patch.comment },
        }),
      ],
      result: {
        appraisalId,
        memberId,
        by: "committee",
        grade: body.grade,
        selfGrade: patch.selfGrade as AppraisalGrade | null,
        comment: patch.comment,
      },
    };
  });
  return c.json(result, 200);
};

export const finalize: AppRouteHandler<FinalizeRoute> = async (c) => {
  const { branchId, appraisalId } = c.req.valid("param");
  const body = c.req.valid("json") ?? {};
  const tc = moduleBranch(c, branchId, BRANCH_ONLY);
  const plane = c.get("plane");
  const result = await tenantWrite(tc, await writeRequest(c), async ({ event }) => {
    const a = await load(tc, appraisalId);
    if (body.version !== undefined && body.version !== a.version) throw new ProblemError("version_conflict");
    const [roll, { version: ruleSetVersion, rules }] = await Promise.all([
      appraisalRolls(tc, [a.id]),
      currentRules(plane, tc.districtId, EVALUATION_RULES_KIND),
    ]);
    const counted = roll
      .map((g) => ({ ...g, grade: g.grade as AppraisalGrade | null }))
      .filter((g) => onRoll({ left: g.left, grade: g.grade }));
    const failures = checkFinalize(a.status, counted, rules);
    if (failures.length) throw ruleViolation(failures);
    const now = new Date().toISOString();
    const patch = {
      status: "finalized" as const,
      appraised: counted.length,
      excellentLimit: excellentLimit(counted.length, rules),
      ruleSetVersion,
      finalizedAt: now,
      finalizedBy: c.get("principal").id,
    };
    const next = { ...a, ...patch, version: a.version + 1 };
    const view = appraisalView(next, roll, () => patch.excellentLimit);
    return {
      statements: [...updateAppraisal(tc, appraisalId, a.version, patch), closeBallotBox(tc, appraisalId)],
      events: [
        event({
          action: "appraisal.finalized",
          subjectType: "appraisal",
          subjectId: appraisalId,
          after: { year: a.year, counts: view.counts, excellentLimit: patch.excellentLimit, ruleSetVersion },
        }),
      ],
      result: view,
    };
  });
  return c.json(result, 200);
};
