import { describe, expect, it } from "vitest";
import { DAILY_READ_TITLE } from "../../scripts/seed/library.mjs";
import { demoDistrict } from "../support/demo";
import { http, must, tenant, unique } from "../support/http";
import { sqlOnShard } from "../support/shard-sql";

/** A reading ticket issued `seconds` earlier: its clock moved back in D1 instead of waited out. */
function ageTicket(shard: number, ticketId: string, seconds: number) {
  const shift = `'-${seconds} seconds'`;
  const at = (col: string) => `${col} = strftime('%Y-%m-%dT%H:%M:%fZ', ${col}, ${shift})`;
  sqlOnShard(
    shard,
    `UPDATE study_tickets SET ${at("issued_at")}, ${at("redeemable_at")}, ${at("expires_at")} WHERE id = '${ticketId}'`,
  );
}

const SHARD = 1;

async function branchWithMembers(n: number) {
  const t = await tenant(SHARD);
  const members = [];
  for (let i = 0; i < n; i++) {
    const m = await must("POST", `/v1/branches/${t.branch.id}/members`, {
      key: t.branchKey,
      body: {
        name: `学员${"甲乙丙"[i]}`,
        gender: "male",
        birthDate: "1982-03-01",
        status: "full",
        joinedOn: "2008-07-01",
      },
    });
    const { key } = await must("POST", `/v1/branches/${t.branch.id}/keys`, {
      key: t.branchKey,
      body: { role: "member", memberId: m.id, label: unique("党员") },
    });
    members.push({ ...m, key });
  }
  return { ...t, members };
}

describe("the study library over HTTP", () => {
  it("earns reading and quiz points only as the server sees them, and shows them apart from claimed ones", async () => {
    const t = await branchWithMembers(2);
    const [reader, other] = t.members;
    const b = t.branch.id;
    const district = `/v1/districts/${t.district.id}/study/materials`;

    const a = await must("POST", district, {
      key: t.districtKey,
      body: {
        kind: "article",
        title: "《中国共产党支部工作条例（试行）》解读",
        tags: ["党章党规"],
        body: "党支部是党的基础组织，是党的组织体系的基本单元。".repeat(40),
        minReadSec: 120,
      },
    });
    const q = await must("POST", district, {
      key: t.districtKey,
      body: {
        kind: "quiz",
        title: "支部工作条例测试",
        questions: [
          { prompt: "党支部是党的什么组织？", options: ["基础组织", "地方组织"], correct: [0] },
          { prompt: "支部党员大会多久召开一次？", options: ["每季度", "每年"], correct: [0] },
        ],
      },
    });

    // the library is the district's to write and its branches' to read
    expect((await http("GET", `/v1/branches/${b}/study/materials`, { key: null })).status).toBe(401);
    expect((await http("POST", district, { key: t.branchKey, body: { kind: "article" } })).status).toBe(404);
    expect((await http("POST", district, { key: reader.key, body: { kind: "article" } })).status).toBe(404);
    const stranger = await tenant(0);
    expect((await http("GET", `/v1/branches/${b}/study/materials`, { key: stranger.branchKey })).status).toBe(
      404,
    );
    expect(
      (
        await http("GET", `/v1/districts/${stranger.district.id}/study/materials/${a.id}`, {
          key: stranger.districtKey,
        })
      ).status,
    ).toBe(404);

    const listed = await must("GET", `/v1/branches/${b}/study/materials`, { key: reader.key });
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([q.id, a.id]);
    const quiz = await must("GET", `/v1/branches/${b}/study/materials/${q.id}`, { key: reader.key });
    expect(JSON.stringify(quiz.questions)).not.toContain("correct");

    // a reading ticket, refused before its time, in the caller's language
    const ticket = await must("POST", `/v1/branches/${b}/study/materials/${a.id}/tickets`, {
      key: reader.key,
    });
    expect(ticket.status).toBe("open");
    const early = await http("POST", `/v1/branches/${b}/study/tickets/${ticket.id}/redeem`, {
      key: reader.key,
      headers: { "accept-language": "en" },
    });
    expect(early.status).toBe(422);
    expect(early.headers.get("content-type")).toContain("application/problem+json");
    expect(early.body.errors[0]).toMatchObject({ rule: "ticket_not_yet_redeemable" });
    expect(early.body.detail).toMatch(/^Not read long enough yet/);

    ageTicket(SHARD, ticket.id, 120);
    // another member's key finds no such ticket, and takes nothing
    const stolen = await http("POST", `/v1/branches/${b}/study/tickets/${ticket.id}/redeem`, {
      key: other.key,
    });
    expect(stolen.status).toBe(404);
    // a branch key does not read on anyone's behalf
    expect(
      (await http("POST", `/v1/branches/${b}/study/tickets/${ticket.id}/redeem`, { key: t.branchKey }))
        .status,
    ).toBe(403);

    const read = await must("POST", `/v1/branches/${b}/study/tickets/${ticket.id}/redeem`, {
      key: reader.key,
    });
    expect(read).toMatchObject({ outcome: "credited", awarded: 2, ticket: { status: "redeemed" } });
    const twice = await http("POST", `/v1/branches/${b}/study/tickets/${ticket.id}/redeem`, {
      key: reader.key,
    });
    expect(twice.status).toBe(422);
    expect(twice.body.errors[0].message).toBe("这张阅读凭证已经兑换过，不能重复兑换");

    const again = await must("POST", `/v1/branches/${b}/study/materials/${a.id}/tickets`, {
      key: reader.key,
    });
    ageTicket(SHARD, again.id, 120);
    const repeat = await must("POST", `/v1/branches/${b}/study/tickets/${again.id}/redeem`, {
      key: reader.key,
    });
    expect(repeat).toMatchObject({ outcome: "repeat", awarded: 0, reason: { code: "already_read_today" } });

    // a quiz graded on the server
    const wrong = await http("POST", `/v1/branches/${b}/study/materials/${q.id}/answers`, {
      key: reader.key,
      body: { answers: [{ questionId: "q3", choices: ["A"] }] },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0]).toMatchObject({ rule: "quiz_question_unknown" });
    const graded = await must("POST", `/v1/branches/${b}/study/materials/${q.id}/answers`, {
      key: reader.key,
      body: {
        answers: [
          { questionId: "q1", choices: ["A"] },
          { questionId: "q2", choices: ["B"] },
        ],
      },
    });
    expect(graded).toMatchObject({ correct: 1, total: 2, awarded: 1, activity: { source: "earned" } });

    // a claim from another platform: possible, and marked as such
    const claim = await must("POST", `/v1/branches/${b}/study/activities`, {
      key: other.key,
      body: {
        memberId: other.id,
        kind: "daily_quiz",
        occurredAt: new Date(Date.now() - 1000).toISOString(),
        units: 4,
      },
    });
    expect(claim).toMatchObject({ awarded: 4, source: "claimed" });

    const board = await must("GET", `/v1/branches/${b}/study/leaderboard?period=day`, { key: reader.key });
    const row = (id: string) => board.items.find((i: { memberId: string }) => i.memberId === id);
    expect(row(other.id)).toMatchObject({ rank: 1, points: 4, earned: 0, claimed: 4 });
    expect(row(reader.id)).toMatchObject({ rank: 2, points: 3, earned: 3, claimed: 0, self: true });
    const branches = await must("GET", `/v1/districts/${t.district.id}/study/leaderboard?period=day`, {
      key: t.districtKey,
    });
    expect(branches.items[0]).toMatchObject({
      branchId: b,
      points: 7,
      earned: 3,
      claimed: 4,
      earnedActiveMembers: 1,
    });
    const mine = await must("GET", `/v1/branches/${b}/study/members/${reader.id}/summary`, {
      key: reader.key,
    });
    expect(mine.totals).toMatchObject({ points: 3, earned: 3, claimed: 0 });

    // the district leaves claimed points out of its rankings
    const rules = await must("GET", `/v1/districts/${t.district.id}/study/rules`, { key: t.districtKey });
    await must("PUT", `/v1/districts/${t.district.id}/study/rules`, {
      key: t.districtKey,
      body: { version: rules.version, rules: { ...rules.rules, claimed: { weight: 0, ranked: false } } },
    });
    // views take a new rule set within 30 s in other isolates; the publishing isolate (the only
    // one locally) at once
    const reranked = await must("GET", `/v1/branches/${b}/study/leaderboard?period=day`, {
      key: t.districtKey,
    });
    expect(reranked.counting).toEqual({ claimedWeight: 0, claimedRanked: false, rankedBy: "earned" });
    expect(reranked.items[0]).toMatchObject({ memberId: reader.id, rank: 1, score: 3 });
    expect(reranked.items[1]).toMatchObject({ memberId: other.id, rank: 2, points: 4, score: 0 });

    expect(await must("GET", `/v1/branches/${b}/events/verify`, { key: t.districtKey })).toMatchObject({
      ok: true,
    });
    const spec = await must("GET", "/openapi.json", { key: null });
    for (const path of [
      "/v1/districts/{districtId}/study/materials",
      "/v1/branches/{branchId}/study/materials/{materialId}/tickets",
      "/v1/branches/{branchId}/study/tickets/{ticketId}/redeem",
      "/v1/branches/{branchId}/study/materials/{materialId}/answers",
    ]) {
      expect(spec.paths[path]).toBeDefined();
    }
  });
});

describe("the demo's study library", () => {
  it("has articles, a video and a quiz for 赣榆区, and points some members earned there today", async () => {
    const demo = await demoDistrict();
    const econ = demo.keys.branches.econ!;
    const library = await must("GET", `/v1/branches/${econ.branchId}/study/materials?limit=200`, {
      key: demo.keys.member.key,
    });
    const kinds = library.items.map((i: { kind: string }) => i.kind);
    expect(kinds.filter((k: string) => k === "article").length).toBeGreaterThanOrEqual(3);
    expect(kinds).toContain("video");
    expect(kinds).toContain("quiz");
    // the demo member has read nothing yet, so the phone pages can show a first read earning
    const daily = library.items.find((i: { title: string }) => i.title === DAILY_READ_TITLE);
    expect(daily.mine).toEqual({ openTicket: null, studiedToday: false, answered: null });

    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    const board = await must(
      "GET",
      `/v1/branches/${econ.branchId}/study/leaderboard?period=day&date=${today}`,
      {
        key: econ.branchAdmin,
      },
    );
    const earners = board.items.filter((i: { earned: number }) => i.earned > 0);
    expect(earners.length).toBeGreaterThanOrEqual(2);
    expect(earners.map((i: { memberId: string }) => i.memberId)).not.toContain(demo.keys.member.memberId);
    const district = await must(
      "GET",
      `/v1/districts/${demo.districtId}/study/leaderboard?period=day&date=${today}`,
      {
        key: demo.keys.auditor,
      },
    );
    const econRow = district.items.find((i: { branchId: string }) => i.branchId === econ.branchId);
    expect(econRow.earned).toBeGreaterThan(0);
    expect(econRow.earnedActiveMembers).toBeGreaterThanOrEqual(2);
  });
});
