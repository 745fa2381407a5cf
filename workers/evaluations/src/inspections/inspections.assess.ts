import { tenantWrite } from "@vanguard/db";
import {
  currentPeople,
  getInspection,
  updateInspection,
  updateInspectionItem,
} from "@vanguard/db/evaluations";
import {
  BRANCH_ONLY,
  checkItemScore,
  checkNamedResponsible,
  checkSelfAssessable,
  checkSubmit,
  inspectionTotals,
} from "@vanguard/domain";
import { type AppRouteHandler, moduleBranch, notFound, writeRequest } from "@vanguard/platform";
import { checkVersion, refuse, selfScores } from "./inspection-checks";
import type { AssessItemRoute, SubmitRoute } from "./inspections.routes";
import { inspectionSummary, inspectionView, itemView } from "./inspections.view";

// The branch's self-assessment: scoring items while the inspection is a draft, then submitting it.

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
