import { failure, type RuleFailure } from "../rules/rule";
import type { PracticeRules } from "./rules";

/**
 * 学习体会: a member writes what they learned from a study material or a meeting; the branch
 * secretary may feature it, and featured reflections name the district's model learners (学习标兵)
 * (docs/domain.md §Study reflections).
 */
export const REFLECTION_SUBJECTS = ["material", "meeting"] as const;
export type ReflectionSubject = (typeof REFLECTION_SUBJECTS)[number];

/** Characters as a reader counts them: code points, spaces excluded. */
export function reflectionLength(text: string): number {
  return [...text.replace(/\s/g, "")].length;
}

export function checkReflection(
  r: { text: string; subjectFound: boolean },
  rules: PracticeRules,
): RuleFailure[] {
  const out: RuleFailure[] = [];
  const n = reflectionLength(r.text);
  const { minChars, maxChars } = rules.reflections;
  if (n < minChars || n > maxChars) {
    out.push(
      failure(
        "reflection_length",
        {
          zh: `学习体会应为${minChars}至${maxChars}字（当前${n}字）`,
          en: `A reflection has ${minChars} to ${maxChars} characters (${n} given)`,
        },
        { length: n, minChars, maxChars },
      ),
    );
  }
  if (!r.subjectFound) {
    out.push(
      failure(
        "reflection_subject_unknown",
        {
          zh: "学习体会须针对本区的学习资料或本支部的会议",
          en: "A reflection is on a study material of the district or a meeting of the branch",
        },
        {},
      ),
    );
  }
  return out;
}

/**
 * The study rule-set kind a featured reflection scores as (once, at the feature, within the kind's
 * caps). A district without the kind awards nothing for it.
 */
export const REFLECTION_KIND = "reflection";

/** A reflection is featured once; a second feature would pay its points twice. */
export function checkFeature(r: { featuredAt: string | null }): RuleFailure[] {
  if (r.featuredAt === null) return [];
  return [
    failure(
      "reflection_already_featured",
      { zh: "该学习体会已被推荐", en: "This reflection is already featured" },
      { featuredAt: r.featuredAt },
    ),
  ];
}

/** One reflection per member per study material or meeting: a second one is refused. */
export function reflectionExists(existingId: string): RuleFailure {
  return failure(
    "reflection_exists",
    {
      zh: "本人已就该学习资料或会议撰写过学习体会",
      en: "You have already written a reflection on this material or meeting",
    },
    { reflectionId: existingId },
  );
}

export interface LearnerStanding {
  memberId: string;
  branchId: string;
  earned: number;
  featured: number;
}

/**
 * 学习标兵: members with at least one featured reflection, ranked by earned points (claimed points
 * never make a model learner), then by featured reflections.
 */
export function rankModelLearners(rows: readonly LearnerStanding[], limit: number): LearnerStanding[] {
  return rows
    .filter((r) => r.featured > 0)
    .sort((a, b) => b.earned - a.earned || b.featured - a.featured || a.memberId.localeCompare(b.memberId))
    .slice(0, limit);
}
