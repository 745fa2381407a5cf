import { describe, expect, it } from "vitest";
import { as, at, record, recordBatch, studyBranch } from "./harness";

const DAY = "2025-03-10";

async function dayRow(tc: Awaited<ReturnType<typeof studyBranch>>["tc"], memberId: string, day = DAY) {
  return tc.shard.d1
    .prepare(
      "SELECT points, activities, rule_version FROM study_days WHERE branch_id = ? AND member_id = ? AND day = ?",
    )
    .bind(tc.branchId, memberId, day)
    .first<{ points: number; activities: number; rule_version: number }>();
}

async function eventCount(tc: Awaited<ReturnType<typeof studyBranch>>["tc"]) {
  const row = await tc.shard.d1
    .prepare("SELECT count(*) AS n FROM events WHERE scope_id = ? AND action LIKE 'study.%'")
    .bind(tc.branchId)
    .first<{ n: number }>();
  return row!.n;
}

describe("recording study activity", () => {
  it("awards points, keeps the day's total and logs the write", async () => {
    const { ref, tc, members } = await studyBranch();
    const m = members[0]!;
    const first = await record(ref, {
      memberId: m.id,
      kind: "article",
      occurredAt: at(DAY, "08:00"),
      ref: "a-1",
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      memberId: m.id,
      kind: "article",
      day: DAY,
      awarded: 1,
      deducted: 0,
      capped: false,
      flags: [],
      dayTotal: 1,
      ruleVersion: 0,
    });
    expect(first.body.id).toMatch(/^sa_/);
    const second = await record(ref, {
      memberId: m.id,
      kind: "daily_quiz",
      occurredAt: at(DAY, "08:10"),
      units: 4,
    });
    expect(second.body).toMatchObject({ awarded: 4, dayTotal: 5 });
    expect(await dayRow(tc, m.id)).toEqual({ points: 5, activities: 2, rule_version: 0 });
    expect(await eventCount(tc)).toBe(2);
  });

  it("stops at the daily cap and says so", async () => {
    const { ref, members } = await studyBranch();
    const results = [];
    for (let i = 0; i < 8; i++) {
      const r = await record(ref, {
        memberId: members[0]!.id,
        kind: "video",
        occurredAt: at(DAY, `10:${String(i * 2).padStart(2, "0")}`),
        ref: `v-${i}`,
      });
      results.push([r.body.awarded, r.body.capped, r.body.dayTotal]);
    }
    expect(results.slice(5)).toEqual([
      [1, false, 6],
      [0, true, 6],
      [0, true, 6],
    ]);
  });

  it("uses the activity's date in the district's time zone", async () => {
    const { ref, members } = await studyBranch();
    // 23:30 UTC on the 9th is already the 10th in Shanghai
    const r = await record(ref, {
      memberId: members[0]!.id,
      kind: "login",
      occurredAt: "2025-03-09T23:30:00Z",
    });
    expect(r.body.day).toBe("2025-03-10");
  });

  it("lets a member key record its own activity only, and not the branch's kinds", async () => {
    const { ref, members } = await studyBranch();
    const [me, other] = members;
    const self = as(ref, "member", me!.id);
    const now = new Date(Date.now() - 60_000).toISOString();
    expect((await record(ref, { memberId: me!.id, kind: "login", occurredAt: now }, self)).status).toBe(201);
    expect((await record(ref, { memberId: other!.id, kind: "login", occurredAt: now }, self)).status).toBe(
      404,
    );
    const offline = await record(
      ref,
      { memberId: me!.id, kind: "offline_session", occurredAt: now, durationSec: 3600 },
      self,
    );
    expect(offline.status).toBe(403);
    const old = await record(ref, { memberId: me!.id, kind: "login", occurredAt: at(DAY) }, self);
    expect(old.status).toBe(422);
    expect(old.body.errors[0]).toMatchObject({ rule: "activity_too_old" });
    expect(
      (await record(ref, { memberId: me!.id, kind: "login", occurredAt: now }, as(ref, "auditor"))).status,
    ).toBe(403);
  });

  it("refuses what cannot have happened, writing nothing", async () => {
    const { ref, tc, members, activist } = await studyBranch();
    const m = members[0]!;
    const future = await record(ref, {
      memberId: m.id,
      kind: "login",
      occurredAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(future.status).toBe(422);
    expect(future.body.errors[0]).toMatchObject({
      rule: "activity_in_future",
      facts: { occurredAt: expect.any(String) },
    });
    const long = await record(ref, {
      memberId: m.id,
      kind: "video_time",
      occurredAt: at(DAY),
      durationSec: 6 * 3600,
    });
    expect(long.body.errors[0]).toMatchObject({
      rule: "impossible_duration",
      facts: { maxDurationSec: 14400 },
    });
    const timed = await record(ref, { memberId: m.id, kind: "video_time", occurredAt: at(DAY) });
    expect(timed.body.errors[0].rule).toBe("activity_duration_required");
    const unknownKind = await record(ref, { memberId: m.id, kind: "karaoke", occurredAt: at(DAY) });
    expect(unknownKind.body.errors[0].rule).toBe("activity_kind_unknown");
    const notMember = await record(ref, { memberId: activist.id, kind: "login", occurredAt: at(DAY) });
    expect(notMember.body.errors[0]).toMatchObject({
      rule: "study_party_members_only",
      facts: { status: "activist" },
    });
    expect((await record(ref, { memberId: "mb_nobody", kind: "login", occurredAt: at(DAY) })).status).toBe(
      404,
    );
    expect(await dayRow(tc, m.id)).toBeNull();
    expect(await eventCount(tc)).toBe(0);
  });

  it("answers 400 naming the field for malformed input", async () => {
    const { ref, members } = await studyBranch();
    const m = members[0]!.id;
    const bad = async (body: Record<string, unknown>) => {
      const r = await record(ref, body);
      expect(r.status).toBe(400);
      return r.body.errors.map((e: { path: string }) => e.path);
    };
    expect(await bad({ memberId: m, kind: "login", occurredAt: "2025-03-10 09:00" })).toEqual(["occurredAt"]);
    expect(await bad({ memberId: m, kind: "Login!", occurredAt: at(DAY) })).toEqual(["kind"]);
    expect(await bad({ memberId: m, kind: "login", occurredAt: at(DAY), units: 0 })).toEqual(["units"]);
    expect(
      await bad({ memberId: m, kind: "login", occurredAt: at(DAY), ref: "<script>".repeat(40) }),
    ).toEqual(["ref"]);
    expect(await bad({ memberId: m, kind: "login", occurredAt: at(DAY), points: 99 })).toEqual(["points"]);
  });

  it("flags a scripted burst instead of scoring it", async () => {
    const { ref, members } = await studyBranch();
    const burst = Array.from({ length: 8 }, (_, i) => ({
      memberId: members[0]!.id,
      kind: "article",
      occurredAt: at(DAY, "09:00", String(i * 3).padStart(2, "0")),
      ref: `b-${i}`,
    }));
    const r = await recordBatch(ref, burst);
    expect(r.status).toBe(201);
    expect(r.body.items.map((i: { flags: string[] }) => i.flags.join())).toEqual([
      "",
      "",
      "",
      "",
      "",
      "",
      "rate_exceeded",
      "rate_exceeded",
    ]);
    expect(r.body.items.at(-1)).toMatchObject({ awarded: 0, deducted: 1, dayTotal: 4 });
  });

  it("replays a retried request instead of scoring it twice", async () => {
    const { ref, tc, members } = await studyBranch();
    const body = { memberId: members[0]!.id, kind: "daily_quiz", occurredAt: at(DAY), units: 3 };
    const headers = { "idempotency-key": "quiz-2025-03-10" };
    const first = await record(ref, body, as(ref, "branch_admin"), headers);
    const again = await record(ref, body, as(ref, "branch_admin"), headers);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect((await dayRow(tc, members[0]!.id))!.points).toBe(3);
  });
});

describe("recording a batch", () => {
  it("lands the valid activities and reports the refused ones by index", async () => {
    const { ref, tc, members, activist } = await studyBranch();
    const [a, b] = members;
    const r = await recordBatch(ref, [
      { memberId: a!.id, kind: "login", occurredAt: at(DAY, "07:00") },
      { memberId: activist.id, kind: "login", occurredAt: at(DAY, "07:00") },
      { memberId: b!.id, kind: "article_time", occurredAt: at(DAY, "07:30"), durationSec: 600 },
      { memberId: a!.id, kind: "login", occurredAt: new Date(Date.now() + 86_400_000).toISOString() },
      { memberId: "mb_gone", kind: "login", occurredAt: at(DAY, "07:00") },
    ]);
    expect(r.status).toBe(201);
    expect(r.body.recorded).toBe(2);
    expect(r.body.items.map((i: { index: number; awarded: number }) => [i.index, i.awarded])).toEqual([
      [0, 1],
      [2, 5],
    ]);
    expect(
      r.body.rejected.map((x: { index: number; errors: { rule: string }[] }) => [x.index, x.errors[0]!.rule]),
    ).toEqual([
      [1, "study_party_members_only"],
      [3, "activity_in_future"],
      [4, "member_not_on_roll"],
    ]);
    expect((await dayRow(tc, b!.id))!.points).toBe(5);
    // one event for the whole batch
    expect(await eventCount(tc)).toBe(1);
  });

  it("refuses a batch in which nothing can land, naming each activity", async () => {
    const { ref, activist } = await studyBranch();
    const r = await recordBatch(ref, [
      { memberId: activist.id, kind: "login", occurredAt: at(DAY) },
      { memberId: activist.id, kind: "video", occurredAt: at(DAY) },
    ]);
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e: { path: string; rule: string }) => [e.path, e.rule])).toEqual([
      ["activities.0", "study_party_members_only"],
      ["activities.1", "study_party_members_only"],
    ]);
  });
});

describe("the cost of recording", () => {
  it("runs the same number of D1 statements whatever the member's history", async () => {
    const { ref, members } = await studyBranch({ size: 5 });
    const count = async (day: string) => {
      const first = await record(ref, {
        memberId: members[0]!.id,
        kind: "login",
        occurredAt: at(day, "20:00"),
      });
      const second = await record(ref, {
        memberId: members[0]!.id,
        kind: "video",
        occurredAt: at(day, "20:05"),
      });
      expect([first.status, second.status]).toEqual([201, 201]);
      return [first, second].map((r) => ({
        statements: Number(r.headers.get("x-d1-queries")),
        roundTrips: Number(r.headers.get("x-d1-round-trips")),
      }));
    };
    // the day's first activity also asks the directory for the latest rule set; otherwise two
    // round trips: the chain head with the Idempotency-Key and the member's day (one batch), then
    // the write (whose batch also clears the branch's report rollups and counts the district's write)
    const fresh = await count("2025-01-10");
    expect(fresh).toEqual([
      { statements: 14, roundTrips: 3 },
      { statements: 13, roundTrips: 2 },
    ]);
    const history = [];
    for (let d = 1; d <= 28; d++) {
      for (const m of members) {
        for (const month of ["02", "03", "04", "05", "06", "07"]) {
          history.push({
            memberId: m.id,
            kind: "daily_quiz",
            occurredAt: at(`2025-${month}-${String(d).padStart(2, "0")}`),
            units: 3,
          });
        }
      }
    }
    for (let i = 0; i < history.length; i += 500)
      expect((await recordBatch(ref, history.slice(i, i + 500))).status).toBe(201);
    expect(await count("2025-08-10")).toEqual(fresh);
  });
});

describe("caps under concurrency", () => {
  it("never passes a cap when one member's activities arrive at the same moment", async () => {
    const { ref, tc, members } = await studyBranch();
    const m = members[0]!;
    // ten quizzes of 2 points each against a cap of 5, all in flight together
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        record(ref, {
          memberId: m.id,
          kind: "daily_quiz",
          occurredAt: at(DAY, `11:${String(i * 2).padStart(2, "0")}`),
          units: 2,
        }),
      ),
    );
    const landed = replies.filter((r) => r.status === 201);
    // a writer that keeps losing the branch's chain gets 503 to retry; it never half-writes
    expect(replies.every((r) => r.status === 201 || r.status === 503)).toBe(true);
    expect(landed.length).toBeGreaterThanOrEqual(3);
    expect(landed.reduce((s, r) => s + r.body.awarded, 0)).toBe(5);
    expect(landed.map((r) => r.body.awarded).sort()).toEqual([...Array(landed.length - 3).fill(0), 1, 2, 2]);
    expect(Math.max(...landed.map((r) => r.body.dayTotal))).toBe(5);
    expect(await dayRow(tc, m.id)).toMatchObject({ points: 5, activities: landed.length });
    const period = await tc.shard.d1
      .prepare(
        "SELECT points, activities FROM study_member_periods WHERE branch_id = ? AND member_id = ? AND period = '2025-03'",
      )
      .bind(tc.branchId, m.id)
      .first();
    expect(period).toEqual({ points: 5, activities: landed.length });
  });

  it("keeps each member's cap when several members study at once", async () => {
    const { ref, tc, members } = await studyBranch({ size: 3 });
    const replies = await Promise.all(
      members.flatMap((m) =>
        Array.from({ length: 4 }, (_, i) =>
          record(ref, { memberId: m.id, kind: "login", occurredAt: at(DAY, `08:0${i * 2}`) }),
        ),
      ),
    );
    expect(replies.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(members.length);
    const days = await tc.shard.d1
      .prepare("SELECT member_id, points FROM study_days WHERE branch_id = ? ORDER BY member_id")
      .bind(tc.branchId)
      .all<{ points: number }>();
    expect(days.results.map((d) => d.points)).toEqual([1, 1, 1]);
    const branch = await tc.shard.d1
      .prepare("SELECT points, active_members FROM study_branch_periods WHERE branch_id = ? AND period = ?")
      .bind(tc.branchId, DAY)
      .first();
    expect(branch).toEqual({ points: 3, active_members: 3 });
  });
});
