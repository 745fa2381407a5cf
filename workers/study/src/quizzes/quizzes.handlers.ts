import { tenantWrite } from "@vanguard/db";
import { insertQuizSubmission, readQuizAnswer } from "@vanguard/db/study";
import {
  alreadyAnswered,
  checkQuizKind,
  checkStudent,
  failure,
  gradeQuiz,
  materialStatus,
  type QuizQuestion,
  READ_OWN,
  todayIn,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  moduleBranch,
  notFound,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import { NOT_PUBLISHED } from "../materials/materials.handlers";
import { latestRules } from "../rules/rule-sets";
import { earnInPlan, earningMember, reasonOf, refuseAbsent } from "../tickets/earn";
import type { AnswerRoute } from "./quizzes.routes";

const NOT_A_QUIZ = failure(
  "material_not_a_quiz",
  {
    zh: "该学习资料不是答题，阅读请领取阅读凭证",
    en: "The material is not a quiz; open it for a reading ticket",
  },
  {},
);

export const answer: AppRouteHandler<AnswerRoute> = async (c) => {
  const { branchId, materialId } = c.req.valid("param");
  const { answers } = c.req.valid("json");
  const tc = moduleBranch(c, branchId, READ_OWN);
  const memberId = earningMember(c);
  const plane = c.get("plane");
  const lang = c.get("lang");
  const recordedBy = c.get("principal").id;
  const result = await tenantWrite(tc, await writeRequest(c, 201), async ({ event }) => {
    const now = new Date();
    const day = todayIn(tc.timeZone, now);
    const read = await readQuizAnswer(tc, { memberId, materialId });
    refuseAbsent(read.person);
    const student = checkStudent(memberId, read.person!.status);
    if (student.length) throw ruleViolation(student);
    const m = read.material;
    if (!m || materialStatus(m, day) !== "published") throw notFound(NOT_PUBLISHED);
    if (m.kind !== "quiz" || !m.quiz || !m.quizKind) throw ruleViolation([NOT_A_QUIZ]);
    if (read.submitted) throw ruleViolation([alreadyAnswered(materialId, read.submitted.submittedAt)]);
    const graded = gradeQuiz(JSON.parse(m.quiz) as QuizQuestion[], answers);
    if (!graded.ok) throw ruleViolation(graded.failures);
    // the district may have changed its rules since it published the quiz
    const kindFailures = checkQuizKind(m.quizKind, (await latestRules(plane, tc.districtId)).rules);
    if (kindFailures.length) throw ruleViolation(kindFailures);
    const earned = await earnInPlan(
      plane,
      tc,
      [{ memberId, kind: m.quizKind, units: graded.correct, durationSec: null, ref: materialId }],
      { recordedBy, now },
    );
    const activity = earned.activities[0]!;
    const submittedAt = now.toISOString();
    return {
      statements: [
        ...earned.statements,
        insertQuizSubmission(tc, {
          materialId,
          memberId,
          submittedAt,
          day,
          correct: graded.correct,
          total: graded.total,
          awarded: earned.awarded,
          activityId: activity.id,
          answers: JSON.stringify(answers),
          results: JSON.stringify(graded.results),
        }),
      ],
      // the log says how many were right, never which: a branch reading it learns no answers
      events: [
        event({
          action: "study.quiz_answered",
          subjectType: "member",
          subjectId: memberId,
          after: {
            materialId,
            correct: graded.correct,
            total: graded.total,
            awarded: earned.awarded,
            activityId: activity.id,
          },
        }),
      ],
      result: {
        materialId,
        correct: graded.correct,
        total: graded.total,
        results: graded.results,
        awarded: earned.awarded,
        capped: earned.capped,
        reason: reasonOf(earned, lang),
        activity,
        dayTotal: earned.dayTotal,
        submittedAt,
      },
    };
  });
  return c.json(result, 201);
};
