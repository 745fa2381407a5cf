import { memberFixture, tenantFixture } from "@vanguard/testing/fixtures";
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
} from "./harness.library";

describe("the library's boundaries", () => {
  it("lets only the member a ticket was issued to redeem it", async () => {
    const { ref, tc, members } = await studyBranch();
    const [owner, other] = [members[0]!.id, members[1]!.id];
    const a = (await publish(ref, article({ minReadSec: 30 }))).body;
    const t = (await open(ref, a.id, owner)).body;
    await ageTicket(tc, t.id, 30);
    // another member's key of the same branch: not found, and nothing moves
    const stolen = await redeem(ref, t.id, other);
    expect(stolen.status).toBe(404);
    expect(stolen.body.detail).toBe("没有这张阅读凭证（凭证只能由领取它的党员本人兑换）");
    expect(await ticketRow(tc, t.id)).toMatchObject({ redeemed_at: null });
    expect(await activitiesOf(tc, other)).toEqual([]);
    expect(await activitiesOf(tc, owner)).toEqual([]);
    // the owner still can
    expect((await redeem(ref, t.id, owner)).status).toBe(200);
  });

  it("keeps tickets and quizzes to members themselves: admins and auditors are refused", async () => {
    const { ref, tc, members } = await studyBranch();
    const a = (await publish(ref, article())).body;
    const q = (await publish(ref, QUIZ)).body;
    const t = (await open(ref, a.id, members[0]!.id)).body;
    for (const role of ["branch_admin", "district_admin", "auditor", "platform_admin"] as const) {
      const who = as(ref, role);
      const issue = await moduleCall(`/v1/branches/${ref.branchId}/study/materials/${a.id}/tickets`, {
        ...who,
        method: "POST",
      });
      expect([role, issue.status]).toEqual([role, 403]);
      expect(issue.body.detail).toBe("学习资料的阅读凭证和答题只由党员本人使用自己的账号或密钥完成");
      const use = await moduleCall(`/v1/branches/${ref.branchId}/study/tickets/${t.id}/redeem`, {
        ...who,
        method: "POST",
      });
      expect([role, use.status]).toEqual([role, 403]);
      const quiz = await moduleCall(`/v1/branches/${ref.branchId}/study/materials/${q.id}/answers`, {
        ...who,
        body: { answers: [] },
      });
      expect([role, quiz.status]).toEqual([role, 403]);
    }
    expect(await activitiesOf(tc, members[0]!.id)).toEqual([]);
  });

  it("lets only district admins publish and retire; branches read only the published library", async () => {
    const { ref, members } = await studyBranch();
    const a = (await publish(ref, article())).body;
    for (const role of ["auditor", "branch_admin", "member"] as const) {
      const who = as(ref, role, role === "member" ? members[0]!.id : null);
      expect([role, (await publish(ref, article(), who)).status]).toEqual([role, 403]);
      const retire = await moduleCall(`/v1/districts/${ref.districtId}/study/materials/${a.id}/retire`, {
        ...who,
        body: { reason: "越权" },
      });
      expect([role, retire.status]).toEqual([role, 403]);
    }
    // the district's own list is the district's; an auditor reads it, and a quiz without its answers
    const q = (await publish(ref, QUIZ)).body;
    for (const role of ["branch_admin", "member"] as const) {
      const who = as(ref, role, role === "member" ? members[0]!.id : null);
      expect((await moduleCall(`/v1/districts/${ref.districtId}/study/materials`, who)).status).toBe(403);
    }
    const audited = await moduleCall(
      `/v1/districts/${ref.districtId}/study/materials/${q.id}`,
      as(ref, "auditor"),
    );
    expect(audited.status).toBe(200);
    expect(audited.body.questions.every((x: { correct: string[] }) => x.correct.length === 0)).toBe(true);
  });

  it("never shows one district's material to another district's branch", async () => {
    const mine = await studyBranch({ shard: 0 });
    // another district on the same shard, and one on the other shard
    for (const shard of [0, 1]) {
      const other = await tenantFixture({ shard });
      const stranger = await memberFixture(other.tc, { name: "外区党员" });
      const theirs = (await publish(other.ref, article({ title: "外区资料", minReadSec: 30 }))).body;
      const q = (await publish(other.ref, QUIZ)).body;
      const me = mine.members[0]!.id;
      expect(
        (
          await moduleCall(
            `/v1/branches/${mine.ref.branchId}/study/materials/${theirs.id}`,
            as(mine.ref, "member", me),
          )
        ).status,
      ).toBe(404);
      expect((await open(mine.ref, theirs.id, me)).status).toBe(404);
      expect((await answer(mine.ref, q.id, me, [{ questionId: "q1", choices: ["A"] }])).status).toBe(404);
      const listed = await moduleCall(
        `/v1/branches/${mine.ref.branchId}/study/materials`,
        as(mine.ref, "member", me),
      );
      expect(listed.body.items.map((i: { id: string }) => i.id)).not.toContain(theirs.id);
      // their member's ticket is not found from my branch, even with their own key
      const t = (await open(other.ref, theirs.id, stranger.id)).body;
      await ageTicket(other.tc, t.id, 30);
      const across = await moduleCall(`/v1/branches/${mine.ref.branchId}/study/tickets/${t.id}/redeem`, {
        ...as(other.ref, "member", stranger.id),
        method: "POST",
      });
      expect(across.status).toBe(404);
      expect(await ticketRow(other.tc, t.id)).toMatchObject({ redeemed_at: null });
      // and another district's admin cannot retire it
      const retire = await moduleCall(
        `/v1/districts/${other.ref.districtId}/study/materials/${theirs.id}/retire`,
        {
          ...as(mine.ref, "district_admin"),
          body: { reason: "越权" },
        },
      );
      expect(retire.status).toBe(404);
    }
  });

  it("keeps a quiz's answers out of the event log", async () => {
    const { ref, tc, members } = await studyBranch();
    const q = (await publish(ref, QUIZ)).body;
    await answer(ref, q.id, members[0]!.id, [{ questionId: "q1", choices: ["A"] }]);
    const rows = await tc.shard.d1
      .prepare("SELECT action, after FROM events WHERE scope_id IN (?, ?) ORDER BY action")
      .bind(tc.districtId, tc.branchId)
      .all<{ action: string; after: string }>();
    expect(rows.results.map((r) => r.action)).toEqual(["study.material_published", "study.quiz_answered"]);
    const published = JSON.parse(rows.results[0]!.after);
    expect(published.answersSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(published).not.toHaveProperty("questions");
    const answered = JSON.parse(rows.results[1]!.after);
    expect(answered).toMatchObject({ correct: 1, total: 3 });
    expect(answered).not.toHaveProperty("results");
  });
});
