import type { InspectionTemplateRow } from "@vanguard/db/evaluations";

export function templateView(t: InspectionTemplateRow) {
  return {
    id: t.id,
    districtId: t.districtId,
    name: t.name,
    version: t.version,
    items: t.items.map((i) => ({
      code: i.code,
      title: i.title,
      maxScore: i.maxScore,
      ownerPost: i.ownerPost ?? null,
    })),
    maxTotal: t.maxTotal,
    createdAt: t.createdAt,
    retiredAt: t.retiredAt,
  };
}
