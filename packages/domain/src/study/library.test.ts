import { describe, expect, it } from "vitest";
import { alreadyAnswered, gradeQuiz } from "./grading";
import {
  articleReadSeconds,
  buildQuiz,
  checkQuiz,
  checkQuizKind,
  materialStatus,
  publicQuiz,
  readableChars,
} from "./materials";
import { checkStudyRules, DEFAULT_LIBRARY_RULES, DEFAULT_STUDY_RULES, withStudyDefaults } from "./rules";
import {
  checkIssue,
  checkRedemption,
  type Ticket,
  ticketActivities,
  ticketState,
  ticketTimes,
} from "./tickets";

const lib = DEFAULT_LIBRARY_RULES;
const rules = DEFAULT_STUDY_RULES;
const t0 = new Date("2026-11-27T09:00:00+08:00");
const later = (sec: number) => new Date(t0.getTime() + sec * 1000);

function ticket(more: Partial<Ticket> = {}): Ticket {
  return {
    id: "stk_1",
    memberId: "mb_1",
    materialId: "sm_1",
    ...ticketTimes(t0, 120, lib),
    redeemedAt: null,
    ...more,
  };
}

describe("study materials", () => {
  it("derives an article's reading time from its characters at the district's pace, with a floor", () => {
    expect(readableChars("学习 贯彻\n党的二十大 精神")).toBe(11);
    // 2,000 characters at 400 a minute: five minutes
    expect(articleReadSeconds("学".repeat(2000), lib)).toBe(300);
    expect(articleReadSeconds("学".repeat(2001), lib)).toBe(301);
    expect(articleReadSeconds("短文", lib)).toBe(30);
    expect(articleReadSeconds("短文", { ...lib, minReadSec: 5 })).toBe(5);
  });

  it("is scheduled before its publish date, published from it, retired once withdrawn", () => {
    expect(materialStatus({ publishOn: "2026-11-28", retiredAt: null }, "2026-11-27")).toBe("scheduled");
    expect(materialStatus({ publishOn: "2026-11-27", retiredAt: null }, "2026-11-27")).toBe("published");
    expect(materialStatus({ publishOn: "2026-11-01", retiredAt: "2026-11-20T00:00:00Z" }, "2026-11-27")).toBe(
      "retired",
    );
  });

  it("stores a quiz with ids and answers, and shows members the questions without them", () => {
    const quiz = buildQuiz([
      { prompt: "党的最高理想是？", options: ["共产主义", "小康社会"], correct: [0] },
      {
        prompt: "三会一课包括？",
        options: ["支部党员大会", "支委会", "党小组会", "茶话会"],
        correct: [2, 0, 1],
      },
    ]);
    expect(quiz[1]).toMatchObject({ id: "q2", correct: ["A", "B", "C"] });
    expect(quiz[1]!.options[3]).toEqual({ id: "D", text: "茶话会" });
    const shown = publicQuiz(quiz);
    expect(shown.map((q) => q.multiple)).toEqual([false, true]);
    expect(JSON.stringify(shown)).not.toContain("correct");
  });

  it("refuses a quiz whose answers are not its options, repeat options, or all-correct questions", () => {
    expect(checkQuiz([{ prompt: "?", options: ["甲", "乙"], correct: [1] }])).toEqual([]);
    const rulesOf = (q: Parameters<typeof checkQuiz>[0]) => checkQuiz(q).map((f) => f.rule);
    expect(rulesOf([{ prompt: "?", options: ["甲", "乙"], correct: [2] }])).toEqual([
      "quiz_answer_not_an_option",
    ]);
    expect(rulesOf([{ prompt: "?", options: ["甲", "乙"], correct: [] }])).toEqual([
      "quiz_answer_not_an_option",
    ]);
    expect(rulesOf([{ prompt: "?", options: ["甲", "甲"], correct: [0] }])).toEqual(["quiz_option_repeated"]);
    expect(rulesOf([{ prompt: "?", options: ["甲", "乙"], correct: [0, 1] }])).toEqual([
      "quiz_every_option_correct",
    ]);
    expect(checkQuiz([{ prompt: "?", options: ["甲", "乙"], correct: [0.5] }])[0]?.facts).toMatchObject({
      question: "q1",
    });
  });

  it("scores a quiz only as a count kind members earn", () => {
    expect(checkQuizKind("daily_quiz", rules)).toEqual([]);
    expect(checkQuizKind("weekly_quiz", rules)).toEqual([]);
    for (const k of ["video_time", "offline_session", "deduction", "nothing"])
      expect(checkQuizKind(k, rules)[0]?.rule).toBe("quiz_kind_unusable");
  });
});

describe("reading tickets", () => {
  it("become redeemable after the minimum time and lapse after the window", () => {
    const t = ticket();
    expect(t.redeemableAt).toBe("2026-11-27T01:02:00.000Z");
    expect(t.expiresAt).toBe(later(120 + lib.ticketWindowSec).toISOString());
    expect(ticketState(t, later(0))).toBe("open");
    expect(ticketState(t, later(120 + lib.ticketWindowSec))).toBe("expired");
    expect(ticketState({ ...t, redeemedAt: later(200).toISOString() }, later(9999))).toBe("redeemed");
  });

  it("refuse redemption before the time, with the seconds left, and take it at the exact second", () => {
    const early = checkRedemption(ticket(), { now: later(119.2), published: true });
    expect(early).toHaveLength(1);
    expect(early[0]).toMatchObject({ rule: "ticket_not_yet_redeemable", facts: { secondsLeft: 1 } });
    expect(early[0]!.message.zh).toContain("1 秒");
    expect(checkRedemption(ticket(), { now: later(120), published: true })).toEqual([]);
    expect(checkRedemption(ticket(), { now: later(120 + lib.ticketWindowSec - 1), published: true })).toEqual(
      [],
    );
  });

  it("refuse a used ticket first, then an unpublished material, then an expired ticket", () => {
    const used = ticket({ redeemedAt: later(130).toISOString() });
    expect(checkRedemption(used, { now: later(10), published: false })[0]!.rule).toBe(
      "ticket_already_redeemed",
    );
    expect(checkRedemption(ticket(), { now: later(10), published: false })[0]!.rule).toBe(
      "material_not_published",
    );
    expect(
      checkRedemption(ticket(), { now: later(120 + lib.ticketWindowSec), published: true })[0]!.rule,
    ).toBe("ticket_expired");
  });

  it("are held at most maxOpenTickets at once", () => {
    const open = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `t${i}`, materialId: `sm_${i}` }));
    expect(checkIssue(open(2), lib)).toEqual([]);
    const refused = checkIssue(open(3), lib);
    expect(refused[0]).toMatchObject({
      rule: "too_many_open_tickets",
      facts: { open: 3, max: 3, materialIds: ["sm_0", "sm_1", "sm_2"] },
    });
    expect(checkIssue(open(3), { ...lib, maxOpenTickets: 4 })).toEqual([]);
  });

  it("record one unit of each count kind and the material's time for timed kinds", () => {
    expect(ticketActivities({ kind: "article", minSec: 300 }, rules)).toEqual([
      { kind: "article", durationSec: null },
      { kind: "article_time", durationSec: 300 },
    ]);
    expect(ticketActivities({ kind: "video", minSec: 540 }, rules)).toEqual([
      { kind: "video", durationSec: null },
      { kind: "video_time", durationSec: 540 },
    ]);
    const onlyArticles = { ...rules, library: { ...lib, articleKinds: ["article"] } };
    expect(ticketActivities({ kind: "article", minSec: 300 }, onlyArticles)).toHaveLength(1);
  });
});

describe("grading a quiz on the server", () => {
  const quiz = buildQuiz([
    { prompt: "一", options: ["甲", "乙", "丙"], correct: [1] },
    { prompt: "二", options: ["甲", "乙", "丙"], correct: [0, 2] },
    { prompt: "三", options: ["对", "错"], correct: [0] },
  ]);

  it("counts a question right only when exactly its answers are picked; unanswered is wrong", () => {
    const graded = gradeQuiz(quiz, [
      { questionId: "q1", choices: ["B"] },
      { questionId: "q2", choices: ["C", "A"] },
    ]);
    expect(graded).toEqual({
      ok: true,
      correct: 2,
      total: 3,
      results: [
        { questionId: "q1", correct: true },
        { questionId: "q2", correct: true },
        { questionId: "q3", correct: false },
      ],
    });
    const partial = gradeQuiz(quiz, [{ questionId: "q2", choices: ["A"] }]);
    expect(partial.ok && partial.correct).toBe(0);
    const extra = gradeQuiz(quiz, [{ questionId: "q1", choices: ["B", "C"] }]);
    expect(extra.ok && extra.correct).toBe(0);
  });

  it("refuses answers to a question the quiz does not have, twice to one, or to an option it lacks", () => {
    const rulesOf = (answers: Parameters<typeof gradeQuiz>[1]) => {
      const g = gradeQuiz(quiz, answers);
      return g.ok ? [] : g.failures.map((f) => f.rule);
    };
    expect(rulesOf([{ questionId: "q9", choices: ["A"] }])).toEqual(["quiz_question_unknown"]);
    expect(
      rulesOf([
        { questionId: "q1", choices: ["A"] },
        { questionId: "q1", choices: ["B"] },
      ]),
    ).toEqual(["quiz_question_repeated"]);
    expect(rulesOf([{ questionId: "q3", choices: ["C"] }])).toEqual(["quiz_option_unknown"]);
    expect(alreadyAnswered("sm_1", "2026-11-27T01:00:00Z").rule).toBe("quiz_already_answered");
  });
});

describe("the library's part of the study rule set", () => {
  it("fills the library and claimed sections into a body published before they existed", () => {
    const { library: _l, claimed: _c, ...old } = DEFAULT_STUDY_RULES;
    const filled = withStudyDefaults(old);
    expect(filled.library).toEqual(DEFAULT_LIBRARY_RULES);
    expect(filled.claimed).toEqual({ weight: 1, ranked: true });
    expect(withStudyDefaults({ ...old, claimed: { weight: 0.5, ranked: false } }).claimed.weight).toBe(0.5);
  });

  it("refuses library kinds that do not exist, earn nothing or only the branch records", () => {
    expect(checkStudyRules(DEFAULT_STUDY_RULES)).toEqual([]);
    const broken = {
      ...DEFAULT_STUDY_RULES,
      library: { ...lib, articleKinds: ["article", "offline_session"], videoKinds: ["films"] },
    };
    expect(checkStudyRules(broken).map((f) => [f.rule, f.facts.kind])).toEqual([
      ["study_rules_library_kind", "offline_session"],
      ["study_rules_library_kind", "films"],
    ]);
  });
});
