import { failure, type RuleFailure } from "../rules/rule";
import type { LibraryRules, StudyRules } from "./rules";

/** What a district publishes in its study library (docs/domain.md §Study library). */
export const MATERIAL_KINDS = ["article", "video", "quiz"] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/** `scheduled` before its publish date, `published` from then, `retired` once the district withdraws it. */
export type MaterialStatus = "scheduled" | "published" | "retired";

export function materialStatus(
  m: { publishOn: string; retiredAt: string | null },
  today: string,
): MaterialStatus {
  if (m.retiredAt !== null) return "retired";
  return m.publishOn <= today ? "published" : "scheduled";
}

/** Characters a reader reads: whitespace is layout, not text. Counted as people count them (一个汉字 is one). */
export function readableChars(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/u.test(ch)) n++;
  return n;
}

/**
 * An article's minimum reading time when its publisher does not set one: its characters at the
 * district's reading pace, never under the floor.
 */
export function articleReadSeconds(text: string, lib: LibraryRules): number {
  return Math.max(lib.minReadSec, Math.ceil((readableChars(text) * 60) / lib.charsPerMinute));
}

/** Option ids as a paper quiz prints them. */
export const OPTION_IDS = ["A", "B", "C", "D", "E", "F", "G", "H"] as const;

export interface QuizQuestionInput {
  prompt: string;
  options: string[];
  /** indices into `options` of the right answers: one for a single choice, more for a multiple choice */
  correct: number[];
}

export interface QuizQuestion {
  id: string;
  prompt: string;
  options: { id: string; text: string }[];
  /** option ids of the right answers: never sent to anyone who answers */
  correct: string[];
}

/** A quiz as stored: questions `q1…qn`, options `A…`, answers as option ids. */
export function buildQuiz(questions: readonly QuizQuestionInput[]): QuizQuestion[] {
  return questions.map((q, i) => ({
    id: `q${i + 1}`,
    prompt: q.prompt,
    options: q.options.map((text, j) => ({ id: OPTION_IDS[j]!, text })),
    correct: [...new Set(q.correct)].sort((a, b) => a - b).map((j) => OPTION_IDS[j]!),
  }));
}

/** A quiz as a member sees it: the questions and options, whether to pick one or several, no answers. */
export function publicQuiz(questions: readonly QuizQuestion[]) {
  return questions.map((q) => ({
    id: q.id,
    prompt: q.prompt,
    options: q.options,
    multiple: q.correct.length > 1,
  }));
}

/** A quiz must be answerable: every answer is one of its options, no option is listed twice. */
export function checkQuiz(questions: readonly QuizQuestionInput[]): RuleFailure[] {
  const out: RuleFailure[] = [];
  questions.forEach((q, i) => {
    const question = `q${i + 1}`;
    if (q.options.length > OPTION_IDS.length) {
      out.push(
        failure(
          "quiz_too_many_options",
          {
            zh: `第 ${i + 1} 题的选项超过 ${OPTION_IDS.length} 个`,
            en: `Question ${i + 1} has more than ${OPTION_IDS.length} options`,
          },
          { question, options: q.options.length },
        ),
      );
    }
    if (new Set(q.options).size !== q.options.length) {
      out.push(
        failure(
          "quiz_option_repeated",
          { zh: `第 ${i + 1} 题有重复的选项`, en: `Question ${i + 1} lists an option twice` },
          { question },
        ),
      );
    }
    const outside = q.correct.filter((j) => !(Number.isInteger(j) && j >= 0 && j < q.options.length));
    if (q.correct.length === 0 || outside.length) {
      out.push(
        failure(
          "quiz_answer_not_an_option",
          {
            zh: `第 ${i + 1} 题的正确答案须是它的选项之一`,
            en: `Question ${i + 1}'s correct answers must be among its options`,
          },
          { question, correct: q.correct, options: q.options.length },
        ),
      );
    } else if (new Set(q.correct).size === q.options.length) {
      out.push(
        failure(
          "quiz_every_option_correct",
          {
            zh: `第 ${i + 1} 题的选项不能全部正确`,
            en: `Question ${i + 1} cannot have every option correct`,
          },
          { question },
        ),
      );
    }
  });
  return out;
}

/**
 * The kind a quiz scores as must be one members earn by correct answers: a count kind with
 * positive points that members record (`daily_quiz`, `weekly_quiz`, `special_quiz` by default).
 */
export function checkQuizKind(kind: string, rules: StudyRules): RuleFailure[] {
  const rule = rules.kinds[kind];
  if (rule && rule.measure === "count" && rule.points > 0 && rule.recordedBy === "member") return [];
  return [
    failure(
      "quiz_kind_unusable",
      {
        zh: `答题须按计次、计正分、由党员本人记录的活动计分，${kind} 不符合`,
        en: `A quiz scores as a count kind with positive points that members record; ${kind} is not one`,
      },
      { kind },
    ),
  ];
}
