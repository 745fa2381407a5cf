import { describe, expect, it } from "vitest";
import { as, moduleCall, studyBranch } from "./harness";
import {
  activitiesOf,
  ageTicket,
  answer,
  article,
  open,
  publish,
  QUIZ,
  redeem,
  ticketRow,
  video,
} from "./harness.library";

async function eventCount(tc: Awaited<ReturnType<typeof studyBranch>>["tc"], scope: string) {
  const row = await tc.shard.d1
    .prepare("SELECT count(*) AS n FROM events WHERE scope_id = ?")
    .bind(scope)
    .first<{ n: number }>();
  return row!.n;
}

async function materialCount(tc: Awaited<ReturnType<typeof studyBranch>>["tc"]) {
  const row = await tc.shard.d1
    .prepare("SELECT count(*) AS n FROM study_materials WHERE district_id = ?")
    .bind(tc.districtId)
    .first<{ n: number }>();
  return row!.n;
}

describe("publishing bad materials", () => {
  it("refuses invalid fields and unanswerable quizzes with clear problems, storing nothing", async () => {
    const { ref, tc } = await studyBranch();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ kind: "poem", title: "诗" }, 400, "invalid_request"],
      [article({ body: "" }), 400, "invalid_request"],
      [article({ body: "<script>alert(1)</script>" }), 400, "invalid_request"],
      [article({ minReadSec: 0 }), 400, "invalid_request"],
      [video({ url: "javascript:alert(1)" }), 400, "invalid_request"],
      [video({ durationSec: 5 * 3600 }), 400, "invalid_request"],
      [{ ...QUIZ, questions: [] }, 400, "invalid_request"],
      [{ ...QUIZ, questions: [{ prompt: "?", options: ["甲"], correct: [0] }] }, 400, "invalid_request"],
      [{ ...QUIZ, questions: [{ prompt: "?", options: ["甲", "乙"], correct: [3] }] }, 422, "rule_violation"],
      [{ ...QUIZ, quizKind: "video_time" }, 422, "rule_violation"],
      [article({ extra: true }), 400, "invalid_request"],
    ];
    for (const [body, status, code] of cases) {
      const r = await publish(ref, body);
      expect([JSON.stringify(body).slice(0, 60), r.status, r.body.code]).toEqual([
        JSON.stringify(body).slice(0, 60),
        status,
        code,
      ]);
      expect(r.headers.get("content-type")).toContain("application/problem+json");
    }
    const wrongAnswer = await publish(ref, {
      ...QUIZ,
      questions: [{ prompt: "?", options: ["甲", "乙"], correct: [3] }],
    });
    expect(wrongAnswer.body.errors[0]).toMatchObject({
      rule: "quiz_answer_not_an_option",
      message: "第 1 题的正确答案须是它的选项之一",
    });
    const en = await moduleCall(`/v1/districts/${ref.districtId}/study/materials`, {
      ...as(ref, "district_admin"),
      body: { ...QUIZ, quizKind: "video_time" },
      lang: "en",
    });
    expect(en.body.errors[0].message).toBe(
      "A quiz scores as a count kind with positive points that members record; video_time is not one",
    );
    expect(await materialCount(tc)).toBe(0);
    expect(await eventCount(tc, tc.districtId)).toBe(0);
  });
});

describe("redeeming tickets wrongly", () => {
  it("refuses a ticket redeemed twice, before its time, or after it lapsed, awarding nothing", async () => {
    const { ref, tc, members } = await studyBranch();
    const me = members[0]!.id;
    const a = (await publish(ref, article({ minReadSec: 600 }))).body;
    const t = (await open(ref, a.id, me)).body;

    // read for most of its time, but not all of it: still early
    await ageTicket(tc, t.id, 500);
    const early = await redeem(ref, t.id, me, { lang: "en" });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({
      code: "rule_violation",
      detail: expect.stringMatching(/^Not read long enough yet/),
    });
    expect(await ticketRow(tc, t.id)).toMatchObject({ redeemed_at: null });

    await ageTicket(tc, t.id, 100);
    expect((await redeem(ref, t.id, me)).status).toBe(200);
    const events = await eventCount(tc, tc.branchId);
    const twice = await redeem(ref, t.id, me);
    expect(twice.status).toBe(422);
    expect(twice.body.errors[0]).toMatchObject({
      rule: "ticket_already_redeemed",
      message: "这张阅读凭证已经兑换过，不能重复兑换",
    });
    expect(await activitiesOf(tc, me)).toHaveLength(2);
    expect(await eventCount(tc, tc.branchId)).toBe(events);

    const v = (await publish(ref, video({ durationSec: 60 }))).body;
    const lapsed = (await open(ref, v.id, me)).body;
    await ageTicket(tc, lapsed.id, 60 + 7200);
    const late = await redeem(ref, lapsed.id, me);
    expect(late.body.errors[0]).toMatchObject({ rule: "ticket_expired" });
    // a lapsed ticket is no longer open: the video opens for a new one
    const fresh = await open(ref, v.id, me);
    expect(fresh.status).toBe(201);
    expect(fresh.body.id).not.toBe(lapsed.id);
    expect(await activitiesOf(tc, me)).toHaveLength(2);
  });

  it("refuses a ticket that does not exist, and a quiz opened for reading", async () => {
    const { ref, members } = await studyBranch();
    const me = members[0]!.id;
    const missing = await redeem(ref, "stk_01JB2K3M4N5P6Q7R8S9T0V1W2X", me);
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe("没有这张阅读凭证（凭证只能由领取它的党员本人兑换）");
    const q = (await publish(ref, QUIZ)).body;
    const quizTicket = await open(ref, q.id, me);
    expect(quizTicket.status).toBe(422);
    expect(quizTicket.body.errors[0]).toMatchObject({ rule: "material_needs_no_ticket" });
    expect((await open(ref, "sm_nothing", me)).status).toBe(404);
  });
});

describe("answering quizzes wrongly", () => {
  it("refuses answers to a question not in the quiz, to one twice, or with an option it lacks", async () => {
    const { ref, tc, members } = await studyBranch();
    const me = members[0]!.id;
    const q = (await publish(ref, QUIZ)).body;
    const bad: [unknown[], number, string | null][] = [
      [[{ questionId: "q4", choices: ["A"] }], 422, "quiz_question_unknown"],
      [
        [
          { questionId: "q1", choices: ["A"] },
          { questionId: "q1", choices: ["B"] },
        ],
        422,
        "quiz_question_repeated",
      ],
      [[{ questionId: "q2", choices: ["D"] }], 422, "quiz_option_unknown"],
      [[{ questionId: "q1", choices: ["AB"] }], 400, null],
      [[{ questionId: "q1" }], 400, null],
    ];
    for (const [answers, status, rule] of bad) {
      const r = await answer(ref, q.id, me, answers);
      expect(r.status).toBe(status);
      if (rule) expect(r.body.errors[0].rule).toBe(rule);
    }
    const unknown = await answer(ref, q.id, me, [{ questionId: "q4", choices: ["A"] }]);
    expect(unknown.body.errors[0].message).toBe("本次答题没有题目 q4");
    expect(await activitiesOf(tc, me)).toEqual([]);
    // refusals used nothing up: the quiz can still be taken
    expect((await answer(ref, q.id, me, [{ questionId: "q1", choices: ["A"] }])).status).toBe(201);
  });

  it("refuses answers to a material that is not a quiz, or not published", async () => {
    const { ref, members } = await studyBranch();
    const me = members[0]!.id;
    const a = (await publish(ref, article())).body;
    const notQuiz = await answer(ref, a.id, me, []);
    expect(notQuiz.status).toBe(422);
    expect(notQuiz.body.errors[0]).toMatchObject({ rule: "material_not_a_quiz" });
    const later = (await publish(ref, { ...QUIZ, publishOn: "2099-01-01" })).body;
    expect((await answer(ref, later.id, me, [])).status).toBe(404);
  });
});

describe("who earns in the library", () => {
  it("is a party member on the roll: an activist's key and a departed member's are refused", async () => {
    const { ref, tc, members, activist } = await studyBranch();
    const a = (await publish(ref, article())).body;
    const q = (await publish(ref, QUIZ)).body;
    const notMember = await open(ref, a.id, activist.id);
    expect(notMember.status).toBe(422);
    expect(notMember.body.errors[0]).toMatchObject({ rule: "study_party_members_only" });
    expect((await answer(ref, q.id, activist.id, [])).body.errors[0].rule).toBe("study_party_members_only");

    const leaving = members[2]!.id;
    const t = (await open(ref, a.id, leaving)).body;
    await tc.shard.d1
      .prepare(
        "UPDATE members SET left_on = '2026-01-01', left_reason = 'transferred' WHERE branch_id = ? AND id = ?",
      )
      .bind(tc.branchId, leaving)
      .run();
    await ageTicket(tc, t.id, 300);
    expect((await redeem(ref, t.id, leaving)).status).toBe(404);
    expect((await open(ref, a.id, leaving)).status).toBe(404);
    expect(await activitiesOf(tc, leaving)).toEqual([]);
  });
});
