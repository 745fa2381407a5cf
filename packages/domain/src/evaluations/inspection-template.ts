import type { CommitteePost } from "../committee/committee";
import { failure, type RuleFailure } from "../rules/rule";

/** One line of a district's quarterly checklist: what is checked, its weight and whose duty it is. */
export interface TemplateItem {
  code: string;
  title: string;
  maxScore: number;
  /** the committee post that answers for this item (一岗双责) */
  ownerPost?: CommitteePost | null;
}

export function checkTemplate(items: TemplateItem[]): RuleFailure[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const i of items) {
    if (seen.has(i.code)) duplicates.add(i.code);
    seen.add(i.code);
  }
  return duplicates.size
    ? [
        failure(
          "template_duplicate_code",
          { zh: "检查项目编码不能重复", en: "Each checklist item needs its own code" },
          { codes: [...duplicates] },
        ),
      ]
    : [];
}

export function templateMaxTotal(items: Pick<TemplateItem, "maxScore">[]): number {
  return roundScore(items.reduce((s, i) => s + i.maxScore, 0));
}

/** Scores are kept to one decimal (deductions of 0.5 are common); sums are rounded the same way. */
export function roundScore(x: number): number {
  return Math.round(x * 10) / 10;
}

/** A retired template starts nothing new: no version and no inspection (the ones made on it keep it). */
export function checkTemplateInUse(t: { id: string; retiredAt: string | null }): RuleFailure[] {
  if (!t.retiredAt) return [];
  return [
    failure(
      "template_retired",
      { zh: "该检查模板已停用", en: "This inspection template is retired" },
      { templateId: t.id, retiredAt: t.retiredAt },
    ),
  ];
}
