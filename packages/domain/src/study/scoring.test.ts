import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DayState, dayPoints, emptyDay } from "./day";
import { DEFAULT_STUDY_RULES as rules } from "./rules";
import { type ActivityInput, type ScoreContext, scoreActivity } from "./scoring";

const now = new Date("2026-11-27T12:00:00+08:00");
const at = (hhmmss: string, day = "2026-11-27") => `${day}T${hhmmss}+08:00`;

function act(kind: string, occurredAt: string, more: Partial<ActivityInput> = {}): ActivityInput {
  return {
    memberId: "mb_1",
    kind,
    occurredAt,
    day: occurredAt.slice(0, 10),
    durationSec: null,
    units: null,
    ref: null,
    ...more,
  };
}

function ctx(day: DayState, more: Partial<ScoreContext> = {}): ScoreContext {
  return {
    rules,
    day,
    weekPoints: 0,
    previousRecent: [],
    now,
    today: "2026-11-27",
    recorder: "member",
    ...more,
  };
}

/** Scores activities one after another, as the write path does. */
function run(list: ActivityInput[], start = emptyDay("mb_1", "2026-11-27", 0)) {
  let day = start;
  const out = [];
  for (const a of list) {
    const r = scoreActivity(a, ctx(day));
    if (!r.ok) throw new Error(r.failures.map((f) => f.rule).join());
    day = r.day;
    out.push(r);
  }
  return { day, out };
}

describe("scoring an activity", () => {
  it("awards per unit and stops at the daily cap", () => {
    const videos = Array.from({ length: 8 }, (_, i) =>
      act("video", at(`09:${String(i * 2).padStart(2, "0")}:00`), { ref: `v${i}` }),
    );
    const { day, out } = run(videos);
    expect(out.map((r) => (r.ok ? r.awarded : null))).toEqual([1, 1, 1, 1, 1, 1, 0, 0]);
    expect(out.map((r) => r.ok && r.capped)).toEqual([false, false, false, false, false, false, true, true]);
    expect(dayPoints(day)).toBe(6);
  });

  it("awards part of a multi-unit activity when the cap cuts it", () => {
    const { out } = run([
      act("daily_quiz", at("08:00:00"), { units: 3 }),
      act("daily_quiz", at("08:05:00"), { units: 4 }),
    ]);
    expect(out.map((r) => r.ok && [r.awarded, r.capped])).toEqual([
      [3, false],
      [2, true],
    ]);
  });

  it("counts full time units only, accumulating the day's seconds", () => {
    const { day, out } = run([
      act("video_time", at("10:00:00"), { durationSec: 100 }),
      act("video_time", at("10:05:00"), { durationSec: 100 }),
      act("video_time", at("10:10:00"), { durationSec: 170 }),
    ]);
    // 100 s → 0 units; 200 s → 1 (180 s); 370 s → 2
    expect(out.map((r) => r.ok && r.awarded)).toEqual([0, 1, 1]);
    expect(day.kinds.video_time).toMatchObject({ seconds: 370, units: 2, points: 2 });
  });

  it("shares a cap group between articles and reading time", () => {
    const articles = Array.from({ length: 10 }, (_, i) =>
      act("article", at(`07:${String(i * 2).padStart(2, "0")}:00`), { ref: `a${i}` }),
    );
    const { day, out } = run([...articles, act("article_time", at("08:00:00"), { durationSec: 1200 })]);
    // 10 articles, then 10 units of reading time of which only 2 fit under the group's 12
    expect(out.at(-1)).toMatchObject({ awarded: 2, capped: true });
    expect(day.kinds.article!.points + day.kinds.article_time!.points).toBe(12);
  });

  it("applies a weekly cap over the other days of the week", () => {
    const r = scoreActivity(
      act("weekly_quiz", at("09:00:00"), { units: 5 }),
      ctx(emptyDay("mb_1", "2026-11-27", 0), { weekPoints: 3 }),
    );
    expect(r).toMatchObject({ ok: true, awarded: 2, capped: true });
  });

  it("refuses activities in the future, too old for a member, or of impossible duration", () => {
    const day = emptyDay("mb_1", "2026-11-27", 0);
    const rule = (r: ReturnType<typeof scoreActivity>) => (r.ok ? [] : r.failures.map((f) => f.rule));
    expect(rule(scoreActivity(act("login", "2026-11-27T12:10:00+08:00"), ctx(day)))).toEqual([
      "activity_in_future",
    ]);
    // within the clock-skew tolerance
    expect(scoreActivity(act("login", "2026-11-27T12:04:00+08:00"), ctx(day)).ok).toBe(true);
    const old = act("login", at("09:00:00", "2026-11-20"));
    expect(rule(scoreActivity(old, ctx(emptyDay("mb_1", "2026-11-20", 0))))).toEqual(["activity_too_old"]);
    expect(scoreActivity(old, ctx(emptyDay("mb_1", "2026-11-20", 0), { recorder: "branch" })).ok).toBe(true);
    expect(
      rule(scoreActivity(act("video_time", at("09:00:00"), { durationSec: 5 * 3600 }), ctx(day))),
    ).toEqual(["impossible_duration"]);
    expect(rule(scoreActivity(act("video_time", at("09:00:00")), ctx(day)))).toEqual([
      "activity_duration_required",
    ]);
    const long = {
      ...day,
      kinds: { article_time: { points: 12, units: 100, seconds: 23 * 3600, count: 10 } },
    };
    expect(
      rule(scoreActivity(act("video_time", at("09:00:00"), { durationSec: 3 * 3600 }), ctx(long))),
    ).toEqual(["impossible_duration"]);
    expect(rule(scoreActivity(act("teleport", at("09:00:00")), ctx(day)))).toEqual(["activity_kind_unknown"]);
  });

  it("flags a scripted burst: no points and a deduction, the evidence kept", () => {
    const burst = Array.from({ length: 8 }, (_, i) =>
      act("article", at(`09:00:${String(i * 5).padStart(2, "0")}`), { ref: `b${i}` }),
    );
    const { day, out } = run(burst);
    expect(out.map((r) => r.ok && r.flags)).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
      ["rate_exceeded"],
      ["rate_exceeded"],
    ]);
    expect(day.flagged).toBe(2);
    expect(dayPoints(day)).toBe(6 - 2);
    // a minute later the window is clear again
    const later = scoreActivity(act("article", at("09:02:00"), { ref: "b9" }), ctx(day));
    expect(later).toMatchObject({ ok: true, awarded: 1, flags: [] });
  });

  it("sees a burst across midnight through the previous day's timestamps", () => {
    const prev = Array.from(
      { length: 6 },
      (_, i) => Math.floor(Date.parse("2026-11-26T23:59:30+08:00") / 1000) + i,
    );
    const r = scoreActivity(
      act("login", at("00:00:10")),
      ctx(emptyDay("mb_1", "2026-11-27", 0), { previousRecent: prev }),
    );
    expect(r).toMatchObject({ ok: true, flags: ["rate_exceeded"], awarded: 0, deducted: 1 });
  });

  it("does not pay twice for the same article, and flags reading too fast", () => {
    const { out } = run([
      act("article", at("09:00:00"), { ref: "x" }),
      act("article", at("09:03:00"), { ref: "x" }),
      act("article", at("09:06:00"), { ref: "y", durationSec: 3 }),
    ]);
    expect(out.map((r) => r.ok && [r.awarded, r.deducted, r.flags])).toEqual([
      [1, 0, []],
      [0, 0, ["duplicate_ref"]],
      [0, 1, ["too_fast"]],
    ]);
  });

  it("lets deductions through uncapped and counts class hours of offline sessions", () => {
    const { day } = run([
      act("login", at("08:00:00")),
      act("offline_session", at("10:00:00"), { durationSec: 2 * 3600 }),
      act("deduction", at("11:00:00"), { units: 3 }),
    ]);
    expect(day.kinds.offline_session).toMatchObject({ points: 4, seconds: 7200 });
    expect(day.classSeconds).toBe(7200);
    expect(dayPoints(day)).toBe(1 + 4 - 3);
  });

  it("never passes a cap, whatever the order and size of activities", () => {
    const kinds = [
      "login",
      "article",
      "article_time",
      "video",
      "video_time",
      "daily_quiz",
      "weekly_quiz",
      "special_quiz",
    ];
    const activity = fc.record({
      kind: fc.constantFrom(...kinds),
      minute: fc.integer({ min: 0, max: 600 }),
      units: fc.integer({ min: 1, max: 20 }),
      durationSec: fc.integer({ min: 1, max: 4 * 3600 }),
      ref: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(
        fc.array(activity, { maxLength: 60 }),
        fc.integer({ min: 0, max: 5 }),
        (list, weekPoints) => {
          let day = emptyDay("mb_1", "2026-11-27", 0);
          for (const a of list) {
            const time = new Date(Date.parse("2026-11-27T00:00:00+08:00") + a.minute * 60_000).toISOString();
            const r = scoreActivity(
              act(a.kind, time, {
                units: a.units,
                durationSec: a.durationSec,
                ref: `r${a.ref}`,
                day: "2026-11-27",
              }),
              ctx(day, { weekPoints }),
            );
            if (r.ok) {
              expect(r.awarded).toBeGreaterThanOrEqual(0);
              day = r.day;
            }
          }
          for (const [code, t] of Object.entries(day.kinds)) {
            const cap = rules.kinds[code]!.dailyCap;
            if (cap !== null) expect(t.points).toBeLessThanOrEqual(cap);
          }
          expect((day.kinds.weekly_quiz?.points ?? 0) + weekPoints).toBeLessThanOrEqual(
            Math.max(5, weekPoints),
          );
          const reading = (day.kinds.article?.points ?? 0) + (day.kinds.article_time?.points ?? 0);
          expect(reading).toBeLessThanOrEqual(12);
        },
      ),
    );
  });
});
