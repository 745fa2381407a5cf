import type { InspectionItemRow, InspectionRow } from "@vanguard/db/evaluations";
import type { CommitteePost, InspectionGrade, ResponsibleVia } from "@vanguard/domain";

export function inspectionSummary(i: InspectionRow, branchName?: string | null) {
  return {
    id: i.id,
    districtId: i.districtId,
    branchId: i.branchId,
    period: i.period,
    template: { id: i.templateId, version: i.templateVersion, name: i.templateName },
    status: i.status,
    maxTotal: i.maxTotal,
    selfTotal: i.selfTotal,
    finalTotal: i.finalTotal,
    grade: i.grade as InspectionGrade | null,
    ruleSetVersion: i.ruleSetVersion,
    reviewComment: i.reviewComment,
    submittedAt: i.submittedAt,
    reviewedAt: i.reviewedAt,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    version: i.version,
    ...(branchName === undefined ? {} : { branchName }),
  };
}

export function itemView(i: InspectionItemRow) {
  return {
    code: i.code,
    title: i.title,
    maxScore: i.maxScore,
    ownerPost: i.ownerPost as CommitteePost | null,
    selfScore: i.selfScore,
    evidence: i.evidence,
    selfDeductionReason: i.selfReason,
    nomineeId: i.nomineeId,
    finalScore: i.finalScore,
    deducted: i.deducted,
    deductionReason: i.deductionReason,
    responsible: i.responsibleMemberId
      ? {
          memberId: i.responsibleMemberId,
          name: i.responsibleName,
          post: i.responsiblePost,
          via: i.responsibleVia as ResponsibleVia,
        }
      : null,
  };
}

export function inspectionView(i: InspectionRow, items: InspectionItemRow[]) {
  return { ...inspectionSummary(i), items: items.map(itemView) };
}
