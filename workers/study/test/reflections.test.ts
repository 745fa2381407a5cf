import type { TenantContext, TenantRef } from "@vanguard/db";
import { insertRules } from "@vanguard/db";
import { DEFAULT_PRACTICE_RULES, PRACTICE_RULES_KIND } from "@vanguard/domain";
import { describe, expect, it } from "vitest";
import { as, moduleCall, studyBranch } from "./harness";
import { activitiesOf, article, publish } from "./harness.library";

const TEXT = "通过学习深刻认识到坚持党的全面领导的重要意义，".repeat(4);

async function setup() {
  const b = await studyBranch();
  const material = await publish(b.ref, article());
  expect(material.status).toBe(201);
  return { ...b, materialId: material.body.id as string };
}

const write = (ref: TenantRef, body: Record<string, unknown>, who = as(ref, "branch_admin")) =>
  moduleCall(`/v1/branches/${ref.branchId}/study/reflections`, { ...who, body });

const feature = (
  ref: TenantRef,
  id: string,
  who = as(ref, "branch_admin"),
  headers?: Record<string, string>,
) =>
  moduleCall(`/v1/branches/${ref.branchId}/study/reflections/${id}/feature`, {
    ...who,
    method: "POST",
    headers,
  });

async function reflectionCount(tc: TenantContext) {
  const r = await tc.shard.d1
    .prepare("SELECT count(*) AS n FROM study_reflections WHERE branch_id = ?")
    .bind(tc.branchId)
    .first<{ n: number }>();
  return r!.n;
}

describe("study reflections (学习体会)", () => {
  it("a member writes one on a published material, once, and it is logged without its text", async () => {
    const { ref, tc, members, materialId } = await setup();
    const m = members[0]!;
    const body = {
      memberId: m.id,
      subjectType: "material",
      subjectId: materialId,
      title: "学习体会",
      text: TEXT,
    };
    const r = await write(ref, body, as(ref, "member", m.id));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      memberId: m.id,
      memberName: m.name,
      subjectType: "material",
      subjectId: materialId,
      featuredAt: null,
      awarded: 0,
    });
    expect(r.body.id).toMatch(/^rfl_/);
    const again = await write(ref, { ...body, title: "再写一篇" }, as(ref, "member", m.id));
    expect(again.status).toBe(422);
    expect(again.body.errors[0].rule).toBe("reflection_exists");
    expect(await reflectionCount(tc)).toBe(1);
    const ev = await tc.shard.d1
      .prepare("SELECT after FROM events WHERE scope_id = ? AND action = 'study.reflection_submitted'")
      .bind(tc.branchId)
      .first<{ after: string }>();
    expect(JSON.parse(ev!.after)).toMatchObject({ reflectionId: r.body.id, length: 92 });
    expect(ev!.after).not.toContain("全面领导");
  });

  it("refuses a text outside the district's limits and an unknown subject, writing nothing", async () => {
    const { ref, tc, plane, members, materialId } = await setup();
    const m = members[0]!;
    const base = { memberId: m.id, subjectType: "material", subjectId: materialId, title: "体会" };
    const short = await write(ref, { ...base, text: "学".repeat(49) });
    expect(short.status).toBe(422);
    expect(short.body.errors[0]).toMatchObject({ rule: "reflection_length" });
    expect(short.body.errors[0].message).toContain("50至3000字");
    const en = await moduleCall(`/v1/branches/${ref.branchId}/study/reflections`, {
      ...as(ref, "branch_admin"),
      body: { ...base, text: "学".repeat(3001) },
      lang: "en",
    });
    expect(en.status).toBe(422);
    expect(en.body.errors[0].message).toBe("A reflection has 50 to 3000 characters (3001 given)");
    const unknown = await write(ref, { ...base, subjectType: "meeting", subjectId: materialId, text: TEXT });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].rule).toBe("reflection_subject_unknown");
    expect(await reflectionCount(tc)).toBe(0);
    // the district's own rule set moves the limit: 50 characters are now too few
    await plane.directory.d1.batch([
      insertRules(plane, PRACTICE_RULES_KIND, {
        districtId: ref.districtId,
        version: 1,
        rules: { ...DEFAULT_PRACTICE_RULES, reflections: { minChars: 60, maxChars: 500 } },
        createdAt: new Date().toISOString(),
        createdBy: "test",
      }),
    ]);
    const ruled = await write(ref, { ...base, text: "学".repeat(55) });
    expect(ruled.status).toBe(422);
    expect(ruled.body.errors[0].facts).toMatchObject({ length: 55, minChars: 60, maxChars: 500 });
    expect((await write(ref, { ...base, text: "学".repeat(60) })).status).toBe(201);
  });

  it("takes a reflection on a meeting of the branch; a member writes only their own", async () => {
    const { ref, members } = await setup();
    const [a, b] = members;
    const meeting = await moduleCall(`/v1/branches/${ref.branchId}/meetings`, {
      ...as(ref, "branch_admin"),
      body: {
        kind: "lecture",
        heldOn: "2025-06-28",
        topic: "学习《中国共产党章程》",
        attendeeIds: [a!.id, b!.id],
        absentees: [],
        hours: 2,
      },
    });
    expect(meeting.status).toBe(201);
    const body = {
      memberId: b!.id,
      subjectType: "meeting",
      subjectId: meeting.body.id,
      title: "党课体会",
      text: TEXT,
    };
    expect((await write(ref, body, as(ref, "member", a!.id))).status).toBe(404);
    const own = await write(ref, body, as(ref, "member", b!.id));
    expect(own.status).toBe(201);
    expect(own.body.subjectType).toBe("meeting");
  });

  it("the branch features one once; its author earns the rule set's points, a retry pays nothing more", async () => {
    const { ref, tc, members, materialId } = await setup();
    const m = members[0]!;
    const r = await write(ref, {
      memberId: m.id,
      subjectType: "material",
      subjectId: materialId,
      title: "体会",
      text: TEXT,
    });
    expect((await feature(ref, r.body.id, as(ref, "member", m.id))).status).toBe(403);
    const headers = { "Idempotency-Key": `feature-${r.body.id}` };
    const f = await feature(ref, r.body.id, as(ref, "branch_admin"), headers);
    expect(f.status).toBe(200);
    expect(f.body).toMatchObject({ id: r.body.id, awarded: 5 });
    expect(f.body.featuredAt).not.toBeNull();
    const replay = await feature(ref, r.body.id, as(ref, "branch_admin"), headers);
    expect(replay.body).toEqual(f.body);
    const twice = await feature(ref, r.body.id);
    expect(twice.status).toBe(422);
    expect(twice.body.errors[0].rule).toBe("reflection_already_featured");
    expect(await activitiesOf(tc, m.id)).toEqual([
      { kind: "reflection", ref: r.body.id, awarded: 5, source: "earned", durationSec: null },
    ]);
    expect((await feature(ref, "rfl_missing")).status).toBe(404);
  });

  it("lists featured reflections and model learners for the branch and the district", async () => {
    const { ref, members, materialId } = await setup();
    const [a, b, c] = members;
    const ids: Record<string, string> = {};
    for (const m of [a!, b!, c!]) {
      const r = await write(ref, {
        memberId: m.id,
        subjectType: "material",
        subjectId: materialId,
        title: `${m.name}的体会`,
        text: TEXT,
      });
      ids[m.id] = r.body.id;
    }
    await feature(ref, ids[a!.id]!);
    await feature(ref, ids[b!.id]!);
    // b's second featured reflection the same day is over the kind's daily cap: featured, no points
    const second = await publish(ref, article({ title: "第二篇" }));
    const b2 = await write(ref, {
      memberId: b!.id,
      subjectType: "material",
      subjectId: second.body.id,
      title: "再谈体会",
      text: TEXT,
    });
    const capped = await feature(ref, b2.body.id);
    expect(capped.body).toMatchObject({ awarded: 0 });
    expect(capped.body.featuredAt).not.toBeNull();
    // claimed points never make a model learner: b's branch-recorded session does not count
    const more = await moduleCall(`/v1/branches/${ref.branchId}/study/activities`, {
      ...as(ref, "branch_admin"),
      body: {
        memberId: c!.id,
        kind: "offline_session",
        occurredAt: new Date().toISOString(),
        durationSec: 3600,
      },
    });
    expect(more.status).toBe(201);

    const branch = await moduleCall(
      `/v1/branches/${ref.branchId}/study/model-learners`,
      as(ref, "member", c!.id),
    );
    expect(branch.status).toBe(200);
    expect(branch.body.period).toBe("year");
    expect(branch.body.items.map((l: { memberId: string; rank: number }) => [l.rank, l.memberId])).toEqual([
      [1, b!.id],
      [2, a!.id],
    ]);
    // equal earned points: more featured reflections first; c, never featured, is no model learner
    expect(branch.body.items[0]).toMatchObject({ earned: 5, featured: 2 });
    expect(branch.body.items[1]).toMatchObject({ earned: 5, featured: 1, name: a!.name });
    expect(branch.body.items[1].reflections[0]).toMatchObject({ id: ids[a!.id], title: `${a!.name}的体会` });

    const district = await moduleCall(
      `/v1/districts/${ref.districtId}/study/model-learners`,
      as(ref, "district_admin"),
    );
    expect(district.body.items.map((l: { memberId: string }) => l.memberId)).toEqual([b!.id, a!.id]);
    const featured = await moduleCall(
      `/v1/districts/${ref.districtId}/study/reflections?limit=1`,
      as(ref, "auditor"),
    );
    expect(featured.body.items.map((r: { id: string }) => r.id)).toEqual([b2.body.id]);
    const next = await moduleCall(
      `/v1/districts/${ref.districtId}/study/reflections?cursor=${featured.body.nextCursor}`,
      as(ref, "auditor"),
    );
    expect(next.body.items.map((r: { id: string }) => r.id)).toEqual([ids[b!.id], ids[a!.id]]);
    expect(next.body.nextCursor).toBeNull();
    // a district list is not a branch's to read
    expect(
      (await moduleCall(`/v1/districts/${ref.districtId}/study/model-learners`, as(ref, "branch_admin")))
        .status,
    ).toBe(403);

    // a member reads the branch's featured ones, and otherwise only their own
    const cFeatured = await moduleCall(
      `/v1/branches/${ref.branchId}/study/reflections?featured=true`,
      as(ref, "member", c!.id),
    );
    expect(cFeatured.body.items.map((r: { id: string }) => r.id).sort()).toEqual(
      [ids[a!.id], ids[b!.id], b2.body.id].sort(),
    );
    const cOwn = await moduleCall(
      `/v1/branches/${ref.branchId}/study/reflections?memberId=${a!.id}`,
      as(ref, "member", c!.id),
    );
    expect(cOwn.body.items.map((r: { id: string }) => r.id)).toEqual([ids[c!.id]]);
    const all = await moduleCall(`/v1/branches/${ref.branchId}/study/reflections`, as(ref, "branch_admin"));
    expect(all.body.items).toHaveLength(4);
  });
});
