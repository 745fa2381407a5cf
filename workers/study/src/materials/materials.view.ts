import type { StudyMaterialListRow, StudyMaterialRow, StudyTicketRow } from "@vanguard/db/study";
import { materialStatus, publicQuiz, type QuizQuestion, ticketState } from "@vanguard/domain";

type Row = StudyMaterialListRow & Partial<Pick<StudyMaterialRow, "body" | "quiz">>;

const questionsOf = (r: Row): QuizQuestion[] | null =>
  r.quiz ? (JSON.parse(r.quiz) as QuizQuestion[]) : null;

function fields(r: Row, today: string) {
  return {
    id: r.id,
    districtId: r.districtId,
    kind: r.kind,
    title: r.title,
    summary: r.summary,
    tags: JSON.parse(r.tags) as string[],
    publishOn: r.publishOn,
    status: materialStatus(r, today),
    body: r.body ?? null,
    chars: r.chars,
    minReadSec: r.minSec,
    url: r.url,
    durationSec: r.durationSec,
    quizKind: r.quizKind,
    questionCount: r.questions,
    createdAt: r.createdAt,
  };
}

/** The publisher's view: a quiz's answers included (lists carry neither text nor questions). */
export function districtMaterialView(r: Row, today: string) {
  const quiz = questionsOf(r);
  return {
    ...fields(r, today),
    minReadSecSet: r.minSecSet,
    questions: quiz ? publicQuiz(quiz).map((q, i) => ({ ...q, correct: quiz[i]!.correct })) : null,
    retiredAt: r.retiredAt,
    retireReason: r.retireReason,
  };
}

export interface MemberState {
  openTicket: StudyTicketRow | null;
  studiedToday: boolean;
  answered: { correct: number; total: number; awarded: number; submittedAt: string } | null;
}

export function ticketView(t: StudyTicketRow, now: Date) {
  return {
    id: t.id,
    materialId: t.materialId,
    memberId: t.memberId,
    issuedAt: t.issuedAt,
    redeemableAt: t.redeemableAt,
    expiresAt: t.expiresAt,
    status: ticketState(t, now),
    redeemedAt: t.redeemedAt,
  };
}

/** What a branch or a member sees: never a quiz's answers. */
export function libraryMaterialView(r: Row, today: string, now: Date, mine: MemberState | null) {
  const quiz = questionsOf(r);
  return {
    ...fields(r, today),
    questions: quiz ? publicQuiz(quiz) : null,
    mine: mine && {
      openTicket: mine.openTicket && ticketView(mine.openTicket, now),
      studiedToday: mine.studiedToday,
      answered: mine.answered,
    },
  };
}
