import { describe, expect, it } from "vitest";
import { as, at, moduleCall, record, studyBranch } from "./harness";

const rulesPath = (districtId: string) => `/v1/districts/${districtId}/study/rules`;

/** The rules of a rule set as GET answers it. */
function strip(body: { rules: Record<string, unknown> }) {
  return body.rules;
}

describe("district study rule sets", () => {
  it("starts from the built-in default, version 0", async () => {
    const { ref } = await studyBranch();
    const r = await moduleCall(rulesPath(ref.districtId), as(ref, "auditor"));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      districtId: ref.districtId,
      version: 0,
      rules: {
        kinds: { article: { points: 1, group: "reading" }, video: { dailyCap: 6 } },
        capGroups: { reading: { dailyCap: 12 } },
        ranking: { memberView: "full" },
        classHours: { member: 32, committee: 56 },
      },
    });
    expect(r.body.rules.meetings.map((m: { code: string }) => m.code)).toContain("committee_monthly");
  });

  it("publishes versions; days already scored keep the version they used", async () => {
    const { ref, tc, members } = await studyBranch();
    const m = members[0]!.id;
    const who = as(ref, "district_admin");
    const current = (await moduleCall(rulesPath(ref.districtId), who)).body;
    // a day scored under the default
    await record(ref, { memberId: m, kind: "video", occurredAt: at("2025-03-10", "08:00"), ref: "v0" });
    const stricter = {
      ...strip(current),
      kinds: { ...current.rules.kinds, video: { ...current.rules.kinds.video, dailyCap: 2 } },
    };
    const put = await moduleCall(rulesPath(ref.districtId), {
      ...who,
      method: "PUT",
      body: { rules: stricter, version: 0 },
    });
    expect(put.status).toBe(200);
    expect(put.headers.get("deprecation")).toBeNull();
    expect(put.body).toMatchObject({
      districtId: ref.districtId,
      version: 1,
      rules: { kinds: { video: { dailyCap: 2, measure: "count" } } },
    });
    expect((await moduleCall(rulesPath(ref.districtId), who)).body.version).toBe(1);

    const videos = async (day: string) => {
      const out = [];
      for (let i = 1; i <= 4; i++) {
        const r = await record(ref, {
          memberId: m,
          kind: "video",
          occurredAt: at(day, `09:0${i}`),
          ref: `v${i}`,
        });
        out.push(r.body);
      }
      return out;
    };
    // the old day keeps version 0 and its cap of 6; a new day takes version 1 and its cap of 2
    expect((await videos("2025-03-10")).map((r) => [r.ruleVersion, r.dayTotal])).toEqual([
      [0, 2],
      [0, 3],
      [0, 4],
      [0, 5],
    ]);
    expect((await videos("2025-03-11")).map((r) => [r.ruleVersion, r.dayTotal])).toEqual([
      [1, 1],
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
    const versions = await tc.shard.d1
      .prepare("SELECT day, rule_version FROM study_days WHERE branch_id = ? ORDER BY day")
      .bind(tc.branchId)
      .all();
    expect(versions.results).toEqual([
      { day: "2025-03-10", rule_version: 0 },
      { day: "2025-03-11", rule_version: 1 },
    ]);
  });

  it("refuses a stale version, inconsistent rules, bad fields and the wrong roles", async () => {
    const { ref } = await studyBranch();
    const who = as(ref, "district_admin");
    const rules = strip((await moduleCall(rulesPath(ref.districtId), who)).body);
    const put = (body: unknown, by = who) =>
      moduleCall(rulesPath(ref.districtId), { ...by, method: "PUT", body });
    // what GET answered can go straight back
    const asRead = (await moduleCall(rulesPath(ref.districtId), who)).body;
    expect((await put(asRead)).status).toBe(200);
    const stale = await put({ rules, version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("version_conflict");
    const broken = await put({
      rules: {
        ...rules,
        kinds: {
          ...(rules.kinds as object),
          poem: { label: { zh: "诗词", en: "Poems" }, points: 1, group: "poetry" },
        },
      },
      version: 1,
    });
    expect(broken.status).toBe(422);
    expect(broken.body.errors[0]).toMatchObject({
      rule: "study_rules_unknown_group",
      facts: { kind: "poem", group: "poetry" },
    });
    const bad = await put({ rules: { ...rules, antiFarming: { maxPerMinute: 0 } }, version: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain("rules.antiFarming.maxPerMinute");
    expect((await put({ rules, version: 1 }, as(ref, "auditor"))).status).toBe(403);
    expect((await put({ rules, version: 1 }, as(ref, "branch_admin"))).status).toBe(403);
    expect((await moduleCall(rulesPath(ref.districtId), as(ref, "member", "mb_x"))).status).toBe(403);
  });

  it("lets only one of two racing publishers win", async () => {
    const { ref } = await studyBranch();
    const who = as(ref, "district_admin");
    const rules = strip((await moduleCall(rulesPath(ref.districtId), who)).body);
    const replies = await Promise.all(
      [0, 1].map(() =>
        moduleCall(rulesPath(ref.districtId), { ...who, method: "PUT", body: { rules, version: 0 } }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it("still takes the flattened body of the first study API for one version, marked deprecated", async () => {
    const { ref } = await studyBranch();
    const who = as(ref, "district_admin");
    const rules = strip((await moduleCall(rulesPath(ref.districtId), who)).body);
    const put = (body: unknown) => moduleCall(rulesPath(ref.districtId), { ...who, method: "PUT", body });
    // the old shape: the rules beside `version`, with what the old GET answered sent back
    const old = await put({ ...rules, ranking: { memberView: "self" }, version: 0, createdAt: null });
    expect(old.status).toBe(200);
    expect(old.headers.get("deprecation")).toMatch(/^@\d+$/);
    expect(old.body).toMatchObject({ version: 1, rules: { ranking: { memberView: "self" } } });
    const read = await moduleCall(rulesPath(ref.districtId), who);
    expect(read.body).toMatchObject({ version: 1, rules: { ranking: { memberView: "self" } } });
    // the old shape is checked like the new one: a bad field is refused and nothing is published
    const bad = await put({ ...rules, antiFarming: { maxPerMinute: 0 }, version: 1 });
    expect(bad.status).toBe(400);
    expect((await moduleCall(rulesPath(ref.districtId), who)).body.version).toBe(1);
  });
});
