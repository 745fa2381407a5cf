import {
  branchNames,
  currentPeople,
  currentRules,
  getCommittee,
  getInspection,
  getInspectionForPeriod,
  getTemplate,
  type InspectionItemRow,
  insertInspection,
  listDistrictInspections,
  listInspections,
  newId,
  newInspectionItemRows,
  newInspectionRow,
  reviewInspectionItems,
  tenantWrite,
  updateInspection,
  updateInspectionItem,
} from "@vanguard/db";
import {
  BRANCH_ONLY,
  checkInspectionPeriod,
  checkItemScore,
  checkNamedResponsible,
  checkReviewable,
  checkSelfAssessable,
  checkSubmit,
  checkTemplateInUse,
  EVALUATION_RULES_KIND,
  gradeFor,
  inspectionTotals,
  planReview,
  READ_BRANCH,
  READ_DISTRICT,
  type RuleFailure,
  todayIn,
  UPPER_COMMITTEE,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  conflictAs,
  decodeCursor,
  moduleBranch,
  moduleDistrict,
  notFound,
  ProblemError,
  page,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import type {
  AssessItemRoute,
  CreateRoute,
  GetRoute,
  ListDistrictRoute,
  ListRoute,
  ReviewRoute,
  SubmitRoute,
} from "./inspections.routes";
import { inspectionSummary, inspectionView, itemView } from "./inspections.view";

function refuse(failures: RuleFailure[]): void {
  if (failures.length) throw ruleViolation(failures);
}

function checkVersion(asked: number | undefined, current: number): void {
  if (asked !== undefined && asked !== current) throw new ProblemError("version_conflict");
}

const selfScores = (items: InspectionItemRow[]) =>
  items.map((i) => ({ code: i.code, maxScore: i.maxScore, score: i.selfScore }));

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, BRANCH_ONLY);
  refuse(checkInspectionPeriod(body.period, todayIn(tc.timeZone)));
  const taken = {
    zh: `本支部 ${body.period} 的检查已经建立`,
    en: `The branch already has an inspection for ${body.period}`,
  };
  const result = await tenantWrite(tc, await writeRequest(c, 201), async ({ event }) => {
    const template = await getTemplate(tc, body.templateId, body.templateVersion);
    if (!template) throw notFound({ zh: "检查模板不存在", en: "No such inspection template" });
    refuse(checkTemplateInUse(template));
    if (await getInspectionForPeriod(tc, body.period)) throw new ProblemError("conflict", taken);
    const _now = new Date().toISOString();
    const row = newInspectionRow(tc, {
      id: newId("inspection"),
      period: body.period,
      template,
      by: c.get("principal").id,
      at: new Date().toISOString(),
    });
    const items = newInspectionItemRows(row, template.items);
    const view = inspectionView(row, items);
    return {
      statements: insertInspection(tc, row, items),
      events: [
        event({
          action: "inspection.opened",
          subjectType: "inspection",
          subjectId: row.id,
          after: inspectionSummary(row),
        }),
      ],
      result: view,
    };
  }).catch(conflictAs(taken));
  return c.json(result, 201);
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor, period, status } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const rows = await listInspections(tc, { limit: limit + 1, after: decodeCursor(cursor), period, status });
  return c.json(
    page(
      rows,
      limit,
      (i) => i.id,
      (i) => inspectionSummary(i),
    ),
    200,
  );
};

export const get: AppRouteHandler<GetRoute> = async (c) => {
  const { branchId, inspectionId } = c.req.valid("param");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const found = await getInspection(tc, inspectionId);
  if (!found) throw notFound();
  return c.json(inspectionView(found.inspection, found.items), 200);
};

export const assessItem: AppRouteHandler<AssessItemRoute> = async (c) => {
  const { branchId, inspectionId, code } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, BRANCH_ONLY);
  const result = await tenantWrite(tc, await writeRequest(c), async ({ event }) => {
    const found = await getInspection(tc, inspectionId);
    if (!found) throw notFound();
    const { inspection, items } = found;
    refuse(checkSelfAssessable(inspection.status));
    checkVersion(body.version, inspection.version);
    const item = items.find((i) => i.code === code);
    if (!item) throw notFound({ zh: `检查表中没有项目 ${code}`, en: `The checklist has no item ${code}` });
    // a full score loses nothing, so it carries neither a reason nor anyone responsible
    const lost = body.score < item.maxScore;
    const patch = {
      selfScore: body.score,
      evidence: body.evidence ?? null,
      selfReason: lost ? (body.deductionReason ?? null) : null,
      nomineeId: lost ? (body.responsibleMemberId ?? null) : null,
    };
    const failures = checkItemScore({
      code,
      maxScore: item.maxScore,
      score: body.score,
      deductionReason: patch.selfReason,
    });
    if (patch.nomineeId) {
      const people = await currentPeople(tc, [patch.nomineeId]);
      const named = checkNamedResponsible(code, patch.nomineeId, (id) => people.has(id));
      if (named) failures.push(named);
    }
    refuse(failures);
    const nextItems = items.map((i) => (i.code === code ? { ...i, ...patch } : i));
    const now = new Date().toISOString();
    const next = {
      ...inspection,
      selfTotal: inspectionTotals(selfScores(nextItems)).total,
      updatedAt: now,
      version: inspection.version + 1,
    };
    return {
      statements: [
        ...updateInspectionItem(tc, inspectionId, code, patch),
        ...updateInspection(tc, inspectionId, inspection.version, {
          selfTotal: next.selfTotal,
          updatedAt: now,
        }),
      ],
      events: [
        event({
          action: "inspection.item_assessed",
          subjectType: "inspection",
          subjectId: inspectionId,
          before: itemView(item),
          after: itemView({ ...item, ...patch }),
        }),
      ],
      result: inspectionView(next, nextItems),
    };
  });
  return c.json(result, 200);
};

export const submit: AppRouteHandler<SubmitRoute> = async (c) => {
  const { branchId, inspectionId } = c.req.valid("param");
  const body = c.req.valid("json") ?? {};
  const tc = moduleBranch(c, branchId, BRANCH_ONLY);
  const result = await tenantWrite(tc, await writeRequest(c), async ({ event }) => {
    const found = await getInspection(tc, inspectionId);
    if (!found) throw notFound();
    const { inspection, items } = found;
    refuse(
      checkSubmit(
        inspection.status,
        items.map((i) => ({
          code: i.code,
          maxScore: i.maxScore,
          score: i.selfScore,
          deductionReason: i.selfReason,
        })),
      ),
    );
    checkVersion(body.version, inspection.version);
    const now = new Date().toISOString();
    const patch = {
      status: "submitted" as const,
      selfTotal: inspectionTotals(selfScores(items)).total,
      submittedAt: now,
      submittedBy: c.get("principal").id,
      updatedAt: now,
    };
    const next = { ...inspection, ...patch, version: inspection.version + 1 };
    return {
      statements: updateInspection(tc, inspectionId, inspection.version, patch),
      events: [
        event({
          action: "inspection.submitted",
          subjectType: "inspection",
          subjectId: inspectionId,
          before: inspectionSummary(inspection),
          after: inspectionSummary(next),
        }),
      ],
      result: inspectionView(next, items),
    };
  });
  return c.json(result, 200);
};

export const review: AppRouteHandler<ReviewRoute> = async (c) => {
  const { branchId, inspectionId } = c.req.valid("param");
  const body = c.req.valid("json") ?? {};
  const tc = moduleBranch(c, branchId, UPPER_COMMITTEE);
  const plane = c.get("plane");
  const result = await tenantWrite(tc, await writeRequest(c), async ({ event }) => {
    const found = await getInspection(tc, inspectionId);
    if (!found) throw notFound();
    const { inspection, items } = found;
    refuse(checkReviewable(inspection.status));
    checkVersion(body.version, inspection.version);
    const entries = body.items ?? [];
    const [{ version: ruleSetVersion, rules }, { posts }] = await Promise.all([
      currentRules(plane, tc.districtId, EVALUATION_RULES_KIND),
      getCommittee(tc),
    ]);
    const people = await currentPeople(tc, [
      ...posts.map((p) => p.memberId),
      ...entries.map((e) => e.responsibleMemberId),
      ...items.map((i) => i.nomineeId),
    ]);
    const planned = planReview({
      items: items.map((i) => ({
        code: i.code,
        maxScore: i.maxScore,
        ownerPost: i.ownerPost,
        selfScore: i.selfScore,
        selfReason: i.selfReason,
        nomineeId: i.nomineeId,
      })),
      entries,
      posts,
      isMember: (id) => people.has(id),
    });
    refuse(planned.failures);
    const now = new Date().toISOString();
    const lines = planned.items.map((l) => ({
      ...l,
      responsibleName: l.responsibleMemberId ? (people.get(l.responsibleMemberId)?.name ?? null) : null,
    }));
    const byCode = new Map(lines.map((l) => [l.code, l]));
    const nextItems: InspectionItemRow[] = items.map((i) => {
      const l = byCode.get(i.code)!;
      return {
        ...i,
        finalScore: l.finalScore,
        deducted: l.deducted,
        deductionReason: l.deductionReason,
        responsibleMemberId: l.responsibleMemberId,
        responsibleName: l.responsibleName,
        responsiblePost: l.responsiblePost,
        responsibleVia: l.responsibleVia,
        reviewedAt: now,
      };
    });
    const totals = inspectionTotals(
      nextItems.map((i) => ({ code: i.code, maxScore: i.maxScore, score: i.finalScore })),
    );
    const patch = {
      status: "reviewed" as const,
      finalTotal: totals.total,
      grade: gradeFor(totals.percent, rules.inspection.bands),
      ruleSetVersion,
      reviewComment: body.comment ?? null,
      reviewedAt: now,
      reviewedBy: c.get("principal").id,
      updatedAt: now,
    };
    const next = { ...inspection, ...patch, version: inspection.version + 1 };
    return {
      statements: [
        ...reviewInspectionItems(tc, inspectionId, lines, now),
        ...updateInspection(tc, inspectionId, inspection.version, patch),
      ],
      events: [
        event({
          action: "inspection.reviewed",
          subjectType: "inspection",
          subjectId: inspectionId,
          before: inspectionSummary(inspection),
          after: {
            ...inspectionSummary(next),
            deductions: lines
              .filter((l) => l.responsibleMemberId)
              .map((l) => ({
                code: l.code,
                deducted: l.deducted,
                reason: l.deductionReason,
                memberId: l.responsibleMemberId,
              })),
          },
        }),
      ],
      result: inspectionView(next, nextItems),
    };
  });
  return c.json(result, 200);
};

export const listDistrict: AppRouteHandler<ListDistrictRoute> = async (c) => {
  const { districtId } = c.req.valid("param");
  const { limit, cursor, period, status } = c.req.valid("query");
  const dc = moduleDistrict(c, districtId, READ_DISTRICT);
  const rows = await listDistrictInspections(dc, {
    limit: limit + 1,
    after: decodeCursor(cursor),
    period,
    status,
  });
  const paged = page(rows, limit, (i) => i.id);
  const names = await branchNames(
    c.get("plane"),
    districtId,
    paged.items.map((i) => i.branchId),
  );
  return c.json(
    {
      items: paged.items.map((i) => inspectionSummary(i, names.get(i.branchId) ?? null)),
      nextCursor: paged.nextCursor,
    },
    200,
  );
};
