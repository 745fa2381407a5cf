import { describe, expect, it } from "vitest";
import { as, moduleCall, record, studyBranch } from "./harness";
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

describe("the district's study library", () => {
  it("publishes articles, videos and quizzes that members list and open, a quiz without its answers", async () => {
    const { ref, members } = await studyBranch();
    const a = await publish(ref, article());
    expect(a.status).toBe(201);
    // 2,000 characters at 400 a minute
    expect(a.body).toMatchObject({ kind: "article", status: "published", chars: 2000, minReadSec: 300 });
    expect(a.body.minReadSecSet).toBe(false);
    expect(a.body.id).toMatch(/^sm_/);
    const set = await publish(ref, article({ title: "短评", body: "学而时习之。", minReadSec: 45 }));
    expect(set.body).toMatchObject({ minReadSec: 45, minReadSecSet: true, chars: 6 });
    const v = await publish(ref, video());
    expect(v.body).toMatchObject({ kind: "video", minReadSec: 540, durationSec: 540 });
    const q = await publish(ref, QUIZ);
    expect(q.status).toBe(201);
    expect(q.body).toMatchObject({ kind: "quiz", quizKind: "daily_quiz", questionCount: 3 });
    // the publisher sees the answers it wrote, as option ids
    expect(q.body.questions.map((x: { correct: string[] }) => x.correct)).toEqual([
      ["A"],
      ["A"],
      ["A", "B", "C"],
    ]);

    const me = as(ref, "member", members[0]!.id);
    const listed = await moduleCall(`/v1/branches/${ref.branchId}/study/materials?limit=3`, me);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i: { title: string }) => i.title)).toEqual([
      QUIZ.title,
      "专题党课：党章党规党纪",
      "短评",
    ]);
    expect(listed.body.items[0]).toMatchObject({
      body: null,
      questions: null,
      mine: { studiedToday: false },
    });
    const rest = await moduleCall(
      `/v1/branches/${ref.branchId}/study/materials?limit=3&cursor=${listed.body.nextCursor}`,
      me,
    );
    expect(rest.body.items.map((i: { id: string }) => i.id)).toEqual([a.body.id]);
    expect(rest.body.nextCursor).toBeNull();
    const videos = await moduleCall(`/v1/branches/${ref.branchId}/study/materials?kind=video`, me);
    expect(videos.body.items.map((i: { id: string }) => i.id)).toEqual([v.body.id]);
    const tagged = await moduleCall(`/v1/branches/${ref.branchId}/study/materials?tag=党章党规`, me);
    expect(tagged.body.items.map((i: { id: string }) => i.id)).toEqual([q.body.id]);

    const quiz = await moduleCall(`/v1/branches/${ref.branchId}/study/materials/${q.body.id}`, me);
    expect(quiz.status).toBe(200);
    expect(quiz.body.questions[2]).toEqual({
      id: "q3",
      prompt: QUIZ.questions[2]!.prompt,
      options: [
        { id: "A", text: "支部党员大会" },
        { id: "B", text: "支部委员会" },
        { id: "C", text: "党小组会" },
        { id: "D", text: "座谈会" },
      ],
      multiple: true,
    });
    for (const who of [me, as(ref, "branch_admin")]) {
      const seen = await moduleCall(`/v1/branches/${ref.branchId}/study/materials/${q.body.id}`, who);
      expect(JSON.stringify(seen.body.questions)).not.toContain("correct");
    }
    const text = await moduleCall(`/v1/branches/${ref.branchId}/study/materials/${a.body.id}`, me);
    expect(text.body.body).toBe(article().body);
    // a branch admin reads the library too, without a member's own state
    const admin = await moduleCall(`/v1/branches/${ref.branchId}/study/materials`, as(ref, "branch_admin"));
    expect(admin.body.items[0].mine).toBeNull();
  });

  it("keeps a scheduled material from members until its day, and lists it for the district", async () => {
    const { ref, members } = await studyBranch();
    const later = await publish(ref, article({ publishOn: "2099-01-01" }));
    expect(later.body.status).toBe("scheduled");
    const me = as(ref, "member", members[0]!.id);
    expect((await moduleCall(`/v1/branches/${ref.branchId}/study/materials`, me)).body.items).toEqual([]);
    expect(
      (await moduleCall(`/v1/branches/${ref.branchId}/study/materials/${later.body.id}`, me)).status,
    ).toBe(404);
    expect((await open(ref, later.body.id, members[0]!.id)).status).toBe(404);
    const district = (q: string) =>
      moduleCall(`/v1/districts/${ref.districtId}/study/materials?${q}`, as(ref, "district_admin"));
    expect((await district("status=scheduled")).body.items.map((i: { id: string }) => i.id)).toEqual([
      later.body.id,
    ]);
    expect((await district("status=published")).body.items).toEqual([]);
  });
});

describe("reading tickets", () => {
  it("award a read only after its minimum time, once a day, as earned points", async () => {
    const { ref, tc, members } = await studyBranch();
    const me = members[0]!.id;
    const a = (await publish(ref, article())).body;

    const issued = await open(ref, a.id, me);
    expect(issued.status).toBe(201);
    const t = issued.body;
    expect(t).toMatchObject({ materialId: a.id, memberId: me, status: "open", redeemedAt: null });
    expect(t.id).toMatch(/^stk_/);
    expect(Date.parse(t.redeemableAt) - Date.parse(t.issuedAt)).toBe(300_000);
    // opening it again answers the same ticket
    const again = await open(ref, a.id, me);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(t.id);
    const opened = await moduleCall(
      `/v1/branches/${ref.branchId}/study/materials/${a.id}`,
      as(ref, "member", me),
    );
    expect(opened.body.mine.openTicket.id).toBe(t.id);

    const early = await redeem(ref, t.id, me);
    expect(early.status).toBe(422);
    expect(early.body.errors[0]).toMatchObject({ rule: "ticket_not_yet_redeemable" });
    expect(early.body.errors[0].facts.secondsLeft).toBeGreaterThan(200);
    expect(await activitiesOf(tc, me)).toEqual([]);

    await ageTicket(tc, t.id, 300);
    const read = await redeem(ref, t.id, me);
    expect(read.status).toBe(200);
    // one article, and five minutes of reading time: two full 2-minute units
    expect(read.body).toMatchObject({
      outcome: "credited",
      awarded: 3,
      capped: false,
      reason: null,
      dayTotal: 3,
      ticket: { id: t.id, status: "redeemed" },
    });
    expect(read.body.activities.map((x: { kind: string; source: string }) => [x.kind, x.source])).toEqual([
      ["article", "earned"],
      ["article_time", "earned"],
    ]);
    expect(await activitiesOf(tc, me)).toEqual([
      { kind: "article", ref: a.id, awarded: 1, source: "earned", durationSec: null },
      { kind: "article_time", ref: null, awarded: 2, source: "earned", durationSec: 300 },
    ]);
    expect(await ticketRow(tc, t.id)).toMatchObject({ outcome: "credited", awarded: 3 });

    // a second read the same day is redeemed for nothing, and records nothing
    const second = (await open(ref, a.id, me)).body;
    expect(second.id).not.toBe(t.id);
    await ageTicket(tc, second.id, 300);
    const repeat = await redeem(ref, second.id, me);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({
      outcome: "repeat",
      awarded: 0,
      reason: { code: "already_read_today", message: "今天已经学过这篇资料，再次阅读不再计分" },
      activities: [],
    });
    expect(await activitiesOf(tc, me)).toHaveLength(2);
    const state = await moduleCall(
      `/v1/branches/${ref.branchId}/study/materials/${a.id}`,
      as(ref, "member", me),
    );
    expect(state.body.mine).toMatchObject({ openTicket: null, studiedToday: true });

    const summary = await moduleCall(
      `/v1/branches/${ref.branchId}/study/members/${me}/summary`,
      as(ref, "member", me),
    );
    expect(summary.body.totals).toMatchObject({ points: 3, earned: 3, claimed: 0, score: 3 });
  });

  it("credit a video with its running time", async () => {
    const { ref, tc, members } = await studyBranch();
    const me = members[1]!.id;
    const v = (await publish(ref, video())).body;
    const t = (await open(ref, v.id, me)).body;
    expect(Date.parse(t.redeemableAt) - Date.parse(t.issuedAt)).toBe(540_000);
    await ageTicket(tc, t.id, 540);
    const watched = await redeem(ref, t.id, me);
    // one video and nine minutes: three 3-minute units
    expect(watched.body).toMatchObject({ outcome: "credited", awarded: 4 });
    expect((await activitiesOf(tc, me)).map((x) => [x.kind, x.durationSec])).toEqual([
      ["video", null],
      ["video_time", 540],
    ]);
  });

  it("answer a retried redemption with the first answer and record once", async () => {
    const { ref, tc, members } = await studyBranch();
    const me = members[0]!.id;
    const a = (await publish(ref, article({ minReadSec: 60 }))).body;
    const t = (await open(ref, a.id, me)).body;
    await ageTicket(tc, t.id, 60);
    const headers = { "Idempotency-Key": `redeem-${t.id}` };
    const first = await redeem(ref, t.id, me, { headers });
    const retried = await redeem(ref, t.id, me, { headers });
    expect(first.status).toBe(200);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(first.body);
    expect(await activitiesOf(tc, me)).toHaveLength(2);
  });

  it("let a member hold a few open at once, and a fourth after one is redeemed", async () => {
    const { ref, tc, members } = await studyBranch();
    const me = members[0]!.id;
    const ids = [];
    for (let i = 0; i < 4; i++)
      ids.push((await publish(ref, article({ title: `第${i + 1}篇`, minReadSec: 30 }))).body.id);
    const tickets = [];
    for (const id of ids.slice(0, 3)) tickets.push((await open(ref, id, me)).body);
    const fourth = await open(ref, ids[3]!, me);
    expect(fourth.status).toBe(422);
    expect(fourth.body.errors[0]).toMatchObject({
      rule: "too_many_open_tickets",
      facts: { open: 3, max: 3, materialIds: ids.slice(0, 3) },
    });
    // the others' tickets are their own
    expect((await open(ref, ids[3]!, members[1]!.id)).status).toBe(201);
    await ageTicket(tc, tickets[0].id, 30);
    expect((await redeem(ref, tickets[0].id, me)).status).toBe(200);
    expect((await open(ref, ids[3]!, me)).status).toBe(201);
  });

  it("stop at the reading cap and say so", async () => {
    const { ref, tc, members } = await studyBranch();
    const me = members[0]!.id;
    // 11 articles a client claims leave one point of the reading group's 12
    await record(ref, {
      memberId: me,
      kind: "article",
      occurredAt: new Date(Date.now() - 1000).toISOString(),
      units: 11,
    });
    const a = (await publish(ref, article())).body;
    const t = (await open(ref, a.id, me)).body;
    await ageTicket(tc, t.id, 300);
    const capped = await redeem(ref, t.id, me, { lang: "en" });
    expect(capped.body).toMatchObject({
      outcome: "credited",
      awarded: 1,
      capped: true,
      reason: { code: "daily_cap_reached", message: "Today's cap for this is reached" },
      dayTotal: 12,
    });
  });
});

describe("quizzes graded on the server", () => {
  it("award a point a correct answer within the quiz kind's cap, once per member", async () => {
    const { ref, tc, members } = await studyBranch();
    const me = members[0]!.id;
    const q = (await publish(ref, QUIZ)).body;
    const graded = await answer(ref, q.id, me, [
      { questionId: "q1", choices: ["A"] },
      { questionId: "q3", choices: ["C", "B", "A"] },
      { questionId: "q2", choices: ["B"] },
    ]);
    expect(graded.status).toBe(201);
    expect(graded.body).toMatchObject({
      materialId: q.id,
      correct: 2,
      total: 3,
      results: [
        { questionId: "q1", correct: true },
        { questionId: "q2", correct: false },
        { questionId: "q3", correct: true },
      ],
      awarded: 2,
      capped: false,
      activity: { kind: "daily_quiz", source: "earned", awarded: 2 },
    });
    expect(JSON.stringify(graded.body)).not.toContain('"A"');
    expect(await activitiesOf(tc, me)).toEqual([
      { kind: "daily_quiz", ref: q.id, awarded: 2, source: "earned", durationSec: null },
    ]);
    const again = await answer(ref, q.id, me, [{ questionId: "q2", choices: ["A"] }]);
    expect(again.status).toBe(422);
    expect(again.body.errors[0]).toMatchObject({ rule: "quiz_already_answered" });
    expect(await activitiesOf(tc, me)).toHaveLength(1);
    const seen = await moduleCall(
      `/v1/branches/${ref.branchId}/study/materials/${q.id}`,
      as(ref, "member", me),
    );
    expect(seen.body.mine.answered).toMatchObject({ correct: 2, total: 3, awarded: 2 });
  });

  it("stop at the cap of the kind the quiz scores as", async () => {
    const { ref, members } = await studyBranch();
    const questions = Array.from({ length: 7 }, (_, i) => ({
      prompt: `第${i + 1}题`,
      options: ["对", "错"],
      correct: [0],
    }));
    const daily = (await publish(ref, { ...QUIZ, questions })).body;
    const special = (await publish(ref, { ...QUIZ, title: "专项答题", quizKind: "special_quiz", questions }))
      .body;
    const all = questions.map((_, i) => ({ questionId: `q${i + 1}`, choices: ["A"] }));
    const d = await answer(ref, daily.id, members[0]!.id, all);
    expect(d.body).toMatchObject({
      correct: 7,
      awarded: 5,
      capped: true,
      reason: { code: "daily_cap_reached" },
    });
    const s = await answer(ref, special.id, members[0]!.id, all);
    expect(s.body).toMatchObject({ correct: 7, awarded: 7, capped: false, dayTotal: 12 });
  });
});

describe("earned and claimed points", () => {
  it("show apart on the leaderboards, which rank by the district's weight of claimed points", async () => {
    const { ref, tc, members } = await studyBranch();
    const [reader, claimer] = [members[0]!.id, members[1]!.id];
    const a = (await publish(ref, article({ minReadSec: 120 }))).body;
    const t = (await open(ref, a.id, reader)).body;
    await ageTicket(tc, t.id, 120);
    expect((await redeem(ref, t.id, reader)).body.awarded).toBe(2);
    const claimed = await record(ref, {
      memberId: claimer,
      kind: "daily_quiz",
      occurredAt: new Date(Date.now() - 1000).toISOString(),
      units: 3,
    });
    expect(claimed.body).toMatchObject({ awarded: 3, source: "claimed" });

    const board = () =>
      moduleCall(`/v1/branches/${ref.branchId}/study/leaderboard?period=day`, as(ref, "branch_admin"));
    const row = (b: { body: { items: { memberId: string }[] } }, id: string) =>
      b.body.items.find((i) => i.memberId === id);
    const before = await board();
    expect(before.body.counting).toEqual({ claimedWeight: 1, claimedRanked: true, rankedBy: "score" });
    expect(row(before, claimer)).toMatchObject({ rank: 1, points: 3, earned: 0, claimed: 3, score: 3 });
    expect(row(before, reader)).toMatchObject({ rank: 2, points: 2, earned: 2, claimed: 0, score: 2 });

    const rules = (await moduleCall(`/v1/districts/${ref.districtId}/study/rules`, as(ref, "district_admin")))
      .body;
    const put = await moduleCall(`/v1/districts/${ref.districtId}/study/rules`, {
      ...as(ref, "district_admin"),
      method: "PUT",
      body: { version: rules.version, rules: { ...rules.rules, claimed: { weight: 0.5, ranked: false } } },
    });
    expect(put.status).toBe(200);
    const after = await board();
    expect(after.body.counting).toEqual({ claimedWeight: 0.5, claimedRanked: false, rankedBy: "earned" });
    expect(row(after, reader)).toMatchObject({ rank: 1, points: 2, earned: 2, score: 2 });
    expect(row(after, claimer)).toMatchObject({ rank: 2, points: 3, claimed: 3, score: 0 });

    const district = await moduleCall(
      `/v1/districts/${ref.districtId}/study/leaderboard?period=day`,
      as(ref, "district_admin"),
    );
    expect(district.body.items[0]).toMatchObject({
      branchId: ref.branchId,
      points: 5,
      earned: 2,
      claimed: 3,
      score: 2,
      activeMembers: 2,
      earnedActiveMembers: 1,
      // 1 of 3 members active in the library; 2 earned points over 3 members
      activityRate: 0.3333,
      averagePoints: 0.7,
    });
    const summary = await moduleCall(
      `/v1/branches/${ref.branchId}/study/members/${claimer}/summary`,
      as(ref, "branch_admin"),
    );
    expect(summary.body.totals).toMatchObject({ points: 3, earned: 0, claimed: 3, score: 1.5 });
  });
});

describe("retiring a material", () => {
  it("takes it from members, and its open tickets earn nothing", async () => {
    const { ref, tc, members } = await studyBranch();
    const me = members[0]!.id;
    const a = (await publish(ref, article({ minReadSec: 30 }))).body;
    const t = (await open(ref, a.id, me)).body;
    const retire = (reason: string) =>
      moduleCall(`/v1/districts/${ref.districtId}/study/materials/${a.id}/retire`, {
        ...as(ref, "district_admin"),
        body: { reason },
      });
    const retired = await retire("内容已更新");
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ status: "retired", retireReason: "内容已更新" });
    expect((await retire("再次下架")).status).toBe(409);
    expect(
      (await moduleCall(`/v1/branches/${ref.branchId}/study/materials/${a.id}`, as(ref, "member", me)))
        .status,
    ).toBe(404);
    await ageTicket(tc, t.id, 30);
    const late = await redeem(ref, t.id, me);
    expect(late.status).toBe(422);
    expect(late.body.errors[0]).toMatchObject({ rule: "material_not_published" });
    expect(await ticketRow(tc, t.id)).toMatchObject({ redeemed_at: null });
    expect(await activitiesOf(tc, me)).toEqual([]);
    const listed = await moduleCall(
      `/v1/districts/${ref.districtId}/study/materials?status=retired`,
      as(ref, "district_admin"),
    );
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
  });
});
