import { failure, type RuleFailure } from "../rules/rule";
import type { QuizQuestion } from "./materials";

export interface QuizAnswer {
  questionId: string;
  /** option ids the member picked */
  choices: string[];
}

export type Graded =
  | { ok: true; correct: number; total: number; results: { questionId: string; correct: boolean }[] }
  | { ok: false; failures: RuleFailure[] };

const same = (a: readonly string[], b: readonly string[]) => {
  const x = new Set(a);
  return x.size === b.length && b.every((v) => x.has(v));
};

/**
 * Grades a member's answers on the server (docs/domain.md §Study library): a question is right
 * when the options picked are exactly its answers; an unanswered question is wrong. An answer to a
 * question the quiz does not have, twice to the same question, or naming an option the question
 * does not have refuses the whole submission.
 */
export function gradeQuiz(questions: readonly QuizQuestion[], answers: readonly QuizAnswer[]): Graded {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const failures: RuleFailure[] = [];
  const seen = new Set<string>();
  for (const a of answers) {
    const q = byId.get(a.questionId);
    if (!q) {
      failures.push(
        failure(
          "quiz_question_unknown",
          { zh: `本次答题没有题目 ${a.questionId}`, en: `The quiz has no question ${a.questionId}` },
          { questionId: a.questionId },
        ),
      );
      continue;
    }
    if (seen.has(a.questionId)) {
      failures.push(
        failure(
          "quiz_question_repeated",
          {
            zh: `题目 ${a.questionId} 作答了不止一次`,
            en: `Question ${a.questionId} was answered more than once`,
          },
          { questionId: a.questionId },
        ),
      );
    }
    seen.add(a.questionId);
    const options = new Set(q.options.map((o) => o.id));
    const unknown = a.choices.filter((c) => !options.has(c));
    if (unknown.length) {
      failures.push(
        failure(
          "quiz_option_unknown",
          {
            zh: `题目 ${a.questionId} 没有选项 ${unknown.join("、")}`,
            en: `Question ${a.questionId} has no option ${unknown.join(", ")}`,
          },
          { questionId: a.questionId, choices: unknown },
        ),
      );
    }
  }
  if (failures.length) return { ok: false, failures };
  const picked = new Map(answers.map((a) => [a.questionId, a.choices]));
  const results = questions.map((q) => ({
    questionId: q.id,
    correct: same(picked.get(q.id) ?? [], q.correct),
  }));
  return { ok: true, correct: results.filter((r) => r.correct).length, total: questions.length, results };
}

/** A quiz counts once per member: the first graded submission is the one that scores. */
export function alreadyAnswered(materialId: string, submittedAt: string): RuleFailure {
  return failure(
    "quiz_already_answered",
    {
      zh: "你已经参加过这次答题，每次答题只计一次",
      en: "You have already taken this quiz; a quiz counts once",
    },
    { materialId, submittedAt },
  );
}
