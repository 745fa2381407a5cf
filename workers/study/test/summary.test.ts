import { describe, expect, it } from "vitest";
import { as, at, moduleCall, recordBatch, studyBranch } from "./harness";

const summaryOf = (
  ref: Parameters<typeof moduleCall>[1]["ref"],
  memberId: string,
  query: string,
  who = as(ref, "branch_admin"),
) => moduleCall(`/v1/branches/${ref.branchId}/study/members/${memberId}/summary?${query}`, who);

describe("a member's study summary", () => {
  it("gives points by day and kind, per-item progress and class hours", async () => {
    const { ref, members } = await studyBranch();
    const m = members[0]!.id;
    const articles = Array.from({ length: 4 }, (_, i) => ({
      memberId: m,
      kind: "article",
      occurredAt: at("2025-03-10", `08:0${i * 2}`),
      ref: `a${i}`,
    }));
    await recordBatch(ref, [
      ...articles,
      { memberId: m, kind: "login", occurredAt: at("2025-03-10", "07:00") },
      { memberId: m, kind: "weekly_quiz", occurredAt: at("2025-03-11", "07:00"), units: 3 },
      { memberId: m, kind: "offline_session", occurredAt: at("2025-03-12", "15:00"), durationSec: 3 * 3600 },
    ]);
    const r = await summaryOf(ref, m, "year=2025&date=2025-03-12", { ...as(ref, "branch_admin") });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      memberId: m,
      name: "党员1",
      year: 2025,
      totals: { points: 14, earned: 0, claimed: 14, score: 14, activeDays: 3, activities: 7, flagged: 0 },
      counting: { claimedWeight: 1, claimedRanked: true, rankedBy: "score" },
      classHours: {
        committeeMember: false,
        required: 32,
        study: 3,
        meetings: 0,
        total: 3,
        met: false,
        shortBy: 29,
      },
    });
    expect(r.body.byDay).toEqual([
      // all of it claimed: posted by a client, not earned in the library
      {
        day: "2025-03-10",
        points: 5,
        earned: 0,
        claimed: 5,
        ruleVersion: 0,
        kinds: { article: 4, login: 1 },
      },
      { day: "2025-03-11", points: 3, earned: 0, claimed: 3, ruleVersion: 0, kinds: { weekly_quiz: 3 } },
      { day: "2025-03-12", points: 6, earned: 0, claimed: 6, ruleVersion: 0, kinds: { offline_session: 6 } },
    ]);
    expect(r.body.byKind).toContainEqual({
      kind: "article",
      label: "阅读文章",
      points: 4,
      units: 4,
      count: 4,
    });
    // on the 12th: nothing read yet, and the weekly quiz has 3 of its 5 points this week
    const progress = Object.fromEntries(
      r.body.progress.kinds.map((k: { kind: string; progress: string }) => [k.kind, k.progress]),
    );
    expect(progress).toMatchObject({
      article: "0/12",
      video: "0/6",
      weekly_quiz: "0/5",
      offline_session: "6",
    });
    expect(r.body.progress.kinds.find((k: { kind: string }) => k.kind === "weekly_quiz").week).toEqual({
      points: 3,
      cap: 5,
      progress: "3/5",
    });
    const earlier = await summaryOf(ref, m, "date=2025-03-10");
    const p10 = Object.fromEntries(
      earlier.body.progress.kinds.map((k: { kind: string; progress: string }) => [k.kind, k.progress]),
    );
    expect(p10).toMatchObject({ article: "4/12", login: "1/1" });
    expect(earlier.body.progress.groups).toEqual([
      { group: "reading", label: "阅读（文章与时长）", points: 4, cap: 12, progress: "4/12" },
    ]);
    const en = await moduleCall(`/v1/branches/${ref.branchId}/study/members/${m}/summary?date=2025-03-10`, {
      ...as(ref, "branch_admin"),
      lang: "en",
    });
    expect(en.body.progress.groups[0].label).toBe("Reading (articles and time)");
  });

  it("shows a member their own summary and nobody else's", async () => {
    const { ref, members } = await studyBranch();
    const [me, other] = members;
    const self = as(ref, "member", me!.id);
    expect((await summaryOf(ref, me!.id, "year=2025", self)).status).toBe(200);
    expect((await summaryOf(ref, other!.id, "year=2025", self)).status).toBe(404);
    expect((await summaryOf(ref, "mb_nobody", "year=2025")).status).toBe(404);
    expect((await summaryOf(ref, me!.id, "year=1900")).status).toBe(400);
  });
});
