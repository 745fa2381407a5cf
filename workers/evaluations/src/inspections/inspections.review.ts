import { currentRules, getCommittee, tenantWrite } from "@vanguard/db";
import {
  currentPeople,
  getInspection,
  type InspectionItemRow,
  reviewInspectionItems,
  updateInspection,
} from "@vanguard/db/evaluations";
import {
  checkReviewable,
  EVALUATION_RULES_KIND,
  gradeFor,
  inspectionTotals,
  planReview,
  UPPER_COMMITTEE,
} from "@vanguard/domain";
import { type AppRouteHandler, moduleBranch, notFound, writeRequest } from "@vanguard/platform";
import { checkVersion, refuse } from "./inspection-checks";
import type { ReviewRoute } from "./inspections.routes";
import { inspectionSummary, inspectionView } from "./inspections.view";

// The upper committee's review of a submitted inspection: final scores, deductions and who answers for them.

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
