import { replaceCommittee } from "@vanguard/db";
import { describe, expect, it } from "vitest";
import { as, moduleCall, studyBranch } from "./harness";

async function withCommittee(size = 6) {
  const b = await studyBranch({ size });
  const [sec, org, prop] = b.members;
  await b.tc.shard.d1.batch(
    replaceCommittee(
      b.tc,
      { termStart: "2024-01-01", termEnd: "2027-01-01", updatedAt: "2024-01-01", version: 1 },
      [
        { memberId: sec!.id, post: "secretary" },
        { memberId: org!.id, post: "organization" },
        { memberId: prop!.id, post: "propaganda" },
      ],
    ),
  );
  return b;
}

const post = (
  ref: Parameters<typeof moduleCall>[1]["ref"],
  body: Record<string, unknown>,
  who = as(ref, "branch_admin"),
) => moduleCall(`/v1/branches/${ref.branchId}/meetings`, { ...who, body });

describe("recording meetings", () => {
  it("records attendees, absentees with reasons, hours and minutes", async () => {
    const { ref, members } = await withCommittee();
    const [a, b, c, d] = members;
    const r = await post(ref, {
      kind: "lecture",
      heldOn: "2025-06-28",
      topic: "学习《中国共产党章程》：党员的权利和义务",
      attendeeIds: [a!.id, b!.id, c!.id],
      absentees: [{ memberId: d!.id, reason: "出差" }],
      hours: 4,
      minutes: '书记讲党课，围绕"四个意识"展开；与会党员交流发言。',
      lecturerId: a!.id,
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      kind: "lecture",
      hours: 4,
      present: 3,
      absent: 1,
      lecturerPost: "secretary",
      committee: null,
      absentees: [{ memberId: d!.id, name: "党员4", reason: "出差" }],
    });
    const got = await moduleCall(`/v1/branches/${ref.branchId}/meetings/${r.body.id}`, as(ref, "auditor"));
    expect(got.status).toBe(200);
    expect(got.body.attendees.map((x: { name: string }) => x.name).sort()).toEqual([
      "党员1",
      "党员2",
      "党员3",
    ]);
    expect(got.body.minutes).toContain("四个意识");
    const list = await moduleCall(
      `/v1/branches/${ref.branchId}/meetings?from=2025-01-01&to=2025-12-31`,
      as(ref, "auditor"),
    );
    expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([r.body.id]);
  });

  it("needs more than half of the committee at a committee meeting", async () => {
    const { ref, members } = await withCommittee();
    const [sec, org, , , e, f] = members;
    const short = await post(ref, {
      kind: "committee",
      heldOn: "2025-05-08",
      topic: "研究发展党员工作",
      attendeeIds: [sec!.id, e!.id, f!.id],
    });
    expect(short.status).toBe(422);
    expect(short.body.errors[0]).toMatchObject({
      rule: "committee_quorum",
      facts: { committeeSize: 3, committeePresent: 1, quorate: false },
    });
    const ok = await post(ref, {
      kind: "committee",
      heldOn: "2025-05-08",
      topic: "研究发展党员工作",
      attendeeIds: [sec!.id, org!.id],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.committee).toEqual({ size: 3, present: 2 });
  });

  it("refuses a committee meeting where there is no committee, strangers and future dates", async () => {
    const { ref, members } = await studyBranch({ size: 3 });
    const ids = members.map((m) => m.id);
    const none = await post(ref, {
      kind: "committee",
      heldOn: "2025-05-08",
      topic: "支委会",
      attendeeIds: ids,
    });
    expect(none.body.errors[0].rule).toBe("committee_not_formed");
    const wrong = await post(ref, {
      kind: "theme_day",
      heldOn: "2099-05-08",
      topic: "主题党日",
      attendeeIds: [...ids, "mb_stranger"],
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors.map((e: { rule: string }) => e.rule)).toEqual([
      "meeting_in_future",
      "meeting_person_not_on_roll",
    ]);
    const bad = await post(ref, {
      kind: "picnic",
      heldOn: "2025-05-08",
      topic: "<b>x</b>",
      attendeeIds: [],
      hours: 0.3,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "attendeeIds",
      "hours",
      "kind",
      "topic",
    ]);
    expect(
      (
        await post(
          ref,
          { kind: "theme_day", heldOn: "2025-05-08", topic: "主题党日", attendeeIds: ids },
          as(ref, "auditor"),
        )
      ).status,
    ).toBe(403);
    expect(
      (await moduleCall(`/v1/branches/${ref.branchId}/meetings`, as(ref, "member", ids[0]!))).status,
    ).toBe(403);
  });

  it("names exactly the months and quarters a year is missing", async () => {
    const { ref, members } = await withCommittee();
    const [sec, org, prop] = members;
    const all = members.map((m) => m.id);
    const months = (kind: string, skip: number[], people = all) =>
      Array.from({ length: 12 }, (_, i) => i + 1)
        .filter((m) => !skip.includes(m))
        .map((m) => ({
          kind,
          heldOn: `2025-${String(m).padStart(2, "0")}-20`,
          topic: `${m}月${kind}`,
          attendeeIds: people,
        }));
    const meetings = [
      ...months("committee", [3, 7, 8], [sec!.id, org!.id, prop!.id]),
      ...months("theme_day", []),
      ...months("group", []),
      ...[2, 5, 11].map((m) => ({
        kind: "general_assembly",
        heldOn: `2025-${String(m).padStart(2, "0")}-10`,
        topic: "党员大会",
        attendeeIds: all,
      })),
      ...[3, 6, 9, 12].map((m) => ({
        kind: "lecture",
        heldOn: `2025-${String(m).padStart(2, "0")}-25`,
        topic: "党课",
        attendeeIds: all,
        hours: 4,
        lecturerId: org!.id,
      })),
      { kind: "life_meeting", heldOn: "2025-12-26", topic: "组织生活会", attendeeIds: all, hours: 4 },
    ];
    for (const m of meetings) expect((await post(ref, m)).status).toBe(201);
    const r = await moduleCall(
      `/v1/branches/${ref.branchId}/meetings/compliance?year=2025`,
      as(ref, "auditor"),
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ year: 2025, ruleVersion: 0, compliant: false });
    const by = Object.fromEntries(r.body.items.map((i: { code: string }) => [i.code, i]));
    expect(by.committee_monthly).toMatchObject({
      required: 12,
      held: 9,
      missing: ["2025-03", "2025-07", "2025-08"],
      open: null,
    });
    expect(by.general_assembly_quarterly).toMatchObject({ required: 4, held: 3, missing: ["2025-Q3"] });
    expect(by.lecture_quarterly).toMatchObject({ held: 4, missing: [] });
    // the lectures were given by the organization member, never by the secretary
    expect(by.secretary_lecture_yearly).toMatchObject({ held: 0, missing: ["2025"] });
    expect(by.theme_day_monthly.missing).toEqual([]);
    expect(by.life_meeting_yearly).toMatchObject({ held: 1, compliant: true });
    // class hours reach each attendee's summary
    const s = await moduleCall(
      `/v1/branches/${ref.branchId}/study/members/${sec!.id}/summary?year=2025`,
      as(ref, "branch_admin"),
    );
    expect(s.body.classHours).toMatchObject({
      committeeMember: true,
      required: 56,
      meetings: 20,
      total: 20,
      met: false,
    });
    expect(s.body.meetings).toEqual({ attended: 9 + 12 + 12 + 3 + 4 + 1, absent: 0 });
  });
});

describe("correcting a recorded meeting", () => {
  const correct = (
    ref: Parameters<typeof moduleCall>[1]["ref"],
    id: string,
    body: Record<string, unknown>,
    who = as(ref, "branch_admin"),
  ) => moduleCall(`/v1/branches/${ref.branchId}/meetings/${id}/corrections`, { ...who, body });
  const classHours = async (ref: Parameters<typeof moduleCall>[1]["ref"], memberId: string) =>
    (
      await moduleCall(
        `/v1/branches/${ref.branchId}/study/members/${memberId}/summary?year=2025`,
        as(ref, "branch_admin"),
      )
    ).body.classHours.meetings;
  const compliance = async (ref: Parameters<typeof moduleCall>[1]["ref"]) =>
    (await moduleCall(`/v1/branches/${ref.branchId}/meetings/compliance?year=2025`, as(ref, "auditor"))).body
      .items as { code: string; missing: string[] }[];
  const events = async (tc: Awaited<ReturnType<typeof withCommittee>>["tc"], id: string) =>
    (
      await tc.shard.d1
        .prepare("SELECT action, before, after FROM events WHERE subject_id = ? ORDER BY seq")
        .bind(id)
        .all<{ action: string; before: string | null; after: string }>()
    ).results;

  it("rewrites attendance, hours and date, keeps the replaced version whole, and logs both", async () => {
    const { ref, tc, members } = await withCommittee();
    const [a, b, c] = members;
    const lecture = {
      kind: "lecture",
      heldOn: "2025-06-28",
      topic: "党课",
      attendeeIds: [a!.id, b!.id],
      absentees: [{ memberId: c!.id, reason: "出差" }],
      hours: 4,
    };
    const recorded = await post(ref, lecture);
    expect(recorded.body.revision).toBe(0);
    expect(await classHours(ref, c!.id)).toBe(0);
    const q2 = (await compliance(ref)).find((i) => i.code === "lecture_quarterly")!;

    // 党员3 was in fact there, and the lecture was on 1 July
    const fixed = await correct(ref, recorded.body.id, {
      ...lecture,
      heldOn: "2025-07-01",
      attendeeIds: [a!.id, b!.id, c!.id],
      absentees: [],
      reason: "漏记出席党员，日期记错",
      revision: 0,
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({
      id: recorded.body.id,
      heldOn: "2025-07-01",
      present: 3,
      absent: 0,
      revision: 1,
    });
    expect(await classHours(ref, c!.id)).toBe(4);
    const moved = (await compliance(ref)).find((i) => i.code === "lecture_quarterly")!;
    expect(moved.missing).not.toEqual(q2.missing);
    expect(moved.missing).toContain("2025-Q2");

    const got = await moduleCall(
      `/v1/branches/${ref.branchId}/meetings/${recorded.body.id}`,
      as(ref, "auditor"),
    );
    expect(got.body).toMatchObject({ revision: 1, heldOn: "2025-07-01" });
    expect(got.body.corrections).toMatchObject([
      {
        replacedRevision: 0,
        reason: "漏记出席党员，日期记错",
        replaced: { heldOn: "2025-06-28", present: 2, absentees: [{ memberId: c!.id, reason: "出差" }] },
      },
    ]);
    const log = await events(tc, recorded.body.id);
    expect(log.map((e) => e.action)).toEqual(["meeting.recorded", "meeting.corrected"]);
    expect(JSON.parse(log[1]!.before!)).toMatchObject({ heldOn: "2025-06-28", present: 2 });
    expect(JSON.parse(log[1]!.after)).toMatchObject({ heldOn: "2025-07-01", correction: { revision: 1 } });
  });

  it("refuses a stale revision, a missing reason, a stranger and a member key, and changes nothing", async () => {
    const { ref, tc, members } = await withCommittee();
    const [a, b] = members;
    const body = { kind: "group", heldOn: "2025-05-10", topic: "党小组会", attendeeIds: [a!.id, b!.id] };
    const recorded = await post(ref, body);
    const id = recorded.body.id;
    expect((await correct(ref, id, { ...body, topic: "改", reason: "改题目", revision: 0 })).status).toBe(
      200,
    );
    const stale = await correct(ref, id, { ...body, topic: "再改", reason: "再改", revision: 0 });
    expect(stale.status).toBe(409);
    expect((await correct(ref, id, { ...body, topic: "再改", revision: 1 })).status).toBe(400);
    const stranger = await correct(ref, id, {
      ...body,
      attendeeIds: ["mb_nobody"],
      reason: "x",
      revision: 1,
    });
    expect(stranger.status).toBe(422);
    const member = await correct(
      ref,
      id,
      { ...body, reason: "我来改", revision: 1 },
      as(ref, "member", a!.id),
    );
    expect(member.status).toBe(403);
    expect((await correct(ref, "mt_missing", { ...body, reason: "x", revision: 0 })).status).toBe(404);
    // another branch's admin, naming this meeting under its own branch, finds nothing to correct
    const other = await withCommittee();
    const [x, y] = other.members;
    const foreign = await correct(other.ref, id, {
      ...body,
      attendeeIds: [x!.id, y!.id],
      reason: "越权",
      revision: 1,
    });
    expect(foreign.status).toBe(404);
    const got = await moduleCall(`/v1/branches/${ref.branchId}/meetings/${id}`, as(ref, "auditor"));
    expect(got.body).toMatchObject({ topic: "改", revision: 1 });
    expect(got.body.corrections).toHaveLength(1);
    expect((await events(tc, id)).map((e) => e.action)).toEqual(["meeting.recorded", "meeting.corrected"]);
  });
});
