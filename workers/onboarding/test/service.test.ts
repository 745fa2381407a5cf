import { exports, env as workerEnv } from "cloudflare:workers";
import { DEFAULT_PIPELINE_RULES } from "@vanguard/domain";
import { signContext } from "@vanguard/platform";
import { memberFixture } from "@vanguard/testing/fixtures";
import { principalFor, TEST_INTERNAL_SECRET } from "@vanguard/testing/module-harness";
import { describe, expect, it } from "vitest";
import { COMMUNITY_PRINCIPAL_ID } from "../src/service/service.handlers";
import { PERSON, until, type World, walk, world } from "./harness";

/** Confirms as the api worker's public route does: the community principal and the code's branch. */
async function confirm(w: World, body: unknown, lang: "zh-CN" | "en" = "zh-CN") {
  const token = await signContext(TEST_INTERNAL_SECRET, {
    principal: { ...principalFor("member", w.ref), id: COMMUNITY_PRINCIPAL_ID, branchId: null },
    requestId: "req_test_confirm",
    lang,
    tenant: w.ref,
  });
  const res = await exports.default.fetch(
    new Request("https://module.internal/internal/service-confirmations", {
      method: "POST",
      headers: { "content-type": "application/json", "x-vanguard-context": token },
      body: JSON.stringify(body),
    }),
  );
  // biome-ignore lint/suspicious/noExplicitAny: replies are read field by field
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

async function activist(w: World) {
  const c = await walk(w, until(w, "candidate_designation"));
  const svc = `/v1/branches/${w.ref.branchId}/service`;
  const reg = await w.call(`${svc}/registrations`, {
    body: { memberId: c.memberId, kind: "community", organization: "海滨社区", registeredOn: "2023-05-01" },
  });
  expect(reg.status).toBe(201);
  return { ...c, svc, registrationId: reg.body.id as string };
}

const env = workerEnv as unknown as { SHARD_0: D1Database; SHARD_1: D1Database };

const events = async (w: World) =>
  (await env.SHARD_0.prepare("SELECT count(*) AS n FROM events WHERE scope_id = ?")
    .bind(w.ref.branchId)
    .first<{ n: number }>())!.n +
  (await env.SHARD_1.prepare("SELECT count(*) AS n FROM events WHERE scope_id = ?")
    .bind(w.ref.branchId)
    .first<{ n: number }>())!.n;

describe("community service (报到服务)", () => {
  it("records a session, confirms it once with its code, and shows the confirmed hours on the case", async () => {
    const w = await world();
    const a = await activist(w);
    const s = await w.call(`${a.svc}/sessions`, {
      body: {
        registrationId: a.registrationId,
        servedOn: "2023-06-01",
        hours: 6,
        description: "社区垃圾分类宣传",
      },
    });
    expect(s.status).toBe(201);
    expect(s.body).toMatchObject({ status: "pending", hours: 6, memberId: a.memberId });
    expect(s.body.confirmationCode).toMatch(new RegExp(`^${w.ref.branchId}-[0-9A-Z]{24}$`));
    expect(s.body.codeHash).toBeUndefined();

    const before = await w.call(`${w.cases}/${a.caseId}`);
    expect(before.body.service.confirmedHours).toBe(0);

    const ok = await confirm(w, {
      code: s.body.confirmationCode,
      personName: PERSON.name,
      confirmedBy: "社区党委 李红",
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ sessionId: s.body.id, status: "confirmed", hours: 6 });

    const again = await confirm(
      w,
      { code: s.body.confirmationCode, personName: PERSON.name, confirmedBy: "社区党委 李红" },
      "en",
    );
    expect(again.status).toBe(422);
    expect(again.body.errors[0].rule).toBe("service_code_used");
    expect(again.body.errors[0].message).toMatch(/already been used/);

    const view = await w.call(`${w.cases}/${a.caseId}`);
    expect(view.body.service).toMatchObject({ confirmedHours: 6, confirmedSessions: 1 });
    const tl = await w.call(`${w.cases}/${a.caseId}/timeline?limit=200`);
    const entry = tl.body.items.find((e: { kind: string }) => e.kind === "service_confirmed");
    expect(entry).toMatchObject({ on: "2023-06-01", hours: 6, confirmedBy: "社区党委 李红" });

    const sum = await w.call(`${a.svc}/members/${a.memberId}/summary?year=2023`);
    expect(sum.body.community).toMatchObject({ confirmedHours: 6, pendingHours: 0, sessions: 1 });
  });

  it("keeps in each cultivation review the confirmed hours of its period, as the reviewer saw them", async () => {
    const w = await world();
    const c = await walk(w, until(w, "cultivation_review"));
    const svc = `/v1/branches/${w.ref.branchId}/service`;
    const reg = await w.call(`${svc}/registrations`, {
      body: { memberId: c.memberId, kind: "community", organization: "海滨社区", registeredOn: "2023-05-01" },
    });
    expect(reg.status).toBe(201);
    const session = async (servedOn: string, hours: number, confirmed: boolean) => {
      const s = await w.call(`${svc}/sessions`, {
        body: { registrationId: reg.body.id, servedOn, hours, description: "社区服务" },
      });
      expect(s.status).toBe(201);
      const code = s.body.confirmationCode as string;
      if (confirmed) {
        expect((await confirm(w, { code, personName: PERSON.name, confirmedBy: "社区" })).status).toBe(200);
      }
      return { id: s.body.id as string, code };
    };
    // the activist was filed on 2023-04-25; the reviews fall on 2023-10-10 and 2024-04-08
    const june = await session("2023-06-01", 5, true);
    const pending = await session("2023-07-01", 3, false);
    const reviewDay = await session("2023-10-10", 2, true);
    const [first, second] = w.path.filter((s) => s.step === "cultivation_review");
    const r1 = await w.call(`${w.cases}/${c.caseId}/steps`, { body: first });
    expect(r1.status).toBe(201);
    expect(r1.body.facts).toEqual({
      service: {
        from: "2023-04-25",
        to: "2023-10-10",
        confirmedHours: 7,
        confirmedSessions: 2,
        sessionIds: [june.id, reviewDay.id],
      },
    });

    const dayAfter = await session("2023-10-11", 1.5, true);
    // confirmed only after the first review was recorded: it does not rewrite what that reviewer saw
    await confirm(w, { code: pending.code, personName: PERSON.name, confirmedBy: "社区" });
    const r2 = await w.call(`${w.cases}/${c.caseId}/steps`, { body: second });
    expect(r2.status).toBe(201);
    expect(r2.body.facts.service).toMatchObject({
      from: "2023-10-11",
      to: "2024-04-08",
      confirmedHours: 1.5,
      sessionIds: [dayAfter.id],
    });

    const tl = await w.call(`${w.cases}/${c.caseId}/timeline?limit=200`);
    const reviews = tl.body.items.filter((e: { step?: string }) => e.step === "cultivation_review");
    expect(
      reviews.map((e: { facts: { service: { confirmedHours: number } } }) => e.facts.service.confirmedHours),
    ).toEqual([7, 1.5]);
    const steps = tl.body.items.filter(
      (e: { kind: string; step?: string }) => e.kind === "step" && e.step !== "cultivation_review",
    );
    expect(steps.every((e: { facts: unknown }) => e.facts === null)).toBe(true);

    // the event that recorded the review carries the same facts, so the chain keeps them
    const rows = [];
    for (const db of [env.SHARD_0, env.SHARD_1]) {
      const r = await db
        .prepare(
          "SELECT after FROM events WHERE scope_id = ? AND action = 'development.step_recorded' AND subject_id = ? ORDER BY seq",
        )
        .bind(w.ref.branchId, c.caseId)
        .all<{ after: string }>();
      rows.push(...r.results.map((x) => JSON.parse(x.after)));
    }
    const recorded = rows.filter((a) => a.step === "cultivation_review");
    expect(recorded.map((a) => a.facts)).toEqual([r1.body.facts, r2.body.facts]);
  });

  it("refuses bad sessions with their rule and writes nothing", async () => {
    const w = await world();
    const a = await activist(w);
    const first = await w.call(`${a.svc}/sessions`, {
      body: { registrationId: a.registrationId, servedOn: "2023-06-01", hours: 20, description: "全天值守" },
    });
    expect(first.status).toBe(201);
    const n = await events(w);
    const bad: [Record<string, unknown>, string][] = [
      [{ servedOn: "2023-06-02", hours: -1 }, "service_hours_out_of_range"],
      [{ servedOn: "2023-06-02", hours: 0 }, "service_hours_out_of_range"],
      [{ servedOn: "2023-06-02", hours: 24.5 }, "service_hours_out_of_range"],
      [{ servedOn: "2023-06-01", hours: 4.5 }, "service_hours_over_day"],
      [{ servedOn: "2099-01-01", hours: 2 }, "service_date_in_future"],
      [{ servedOn: "2023-04-30", hours: 2 }, "service_before_registration"],
    ];
    for (const [over, rule] of bad) {
      const r = await w.call(`${a.svc}/sessions`, {
        lang: "en",
        body: { registrationId: a.registrationId, description: "服务", ...over },
      });
      expect(r.status, rule).toBe(422);
      expect(r.body.errors.map((e: { rule: string }) => e.rule)).toContain(rule);
    }
    // 4 more hours on the same day fit exactly into 24
    const edge = await w.call(`${a.svc}/sessions`, {
      body: { registrationId: a.registrationId, servedOn: "2023-06-01", hours: 4, description: "晚间巡逻" },
    });
    expect(edge.status).toBe(201);
    expect(await events(w)).toBe(n + 1);
    const list = await w.call(`${a.svc}/sessions?memberId=${a.memberId}`);
    expect(list.body.items).toHaveLength(2);
  });

  it("refuses a code for another person, an expired code and an unknown one", async () => {
    const w = await world();
    const a = await activist(w);
    const s = await w.call(`${a.svc}/sessions`, {
      body: { registrationId: a.registrationId, servedOn: "2023-06-01", hours: 3, description: "入户走访" },
    });
    const other = await confirm(w, {
      code: s.body.confirmationCode,
      personName: "李四",
      confirmedBy: "社区",
    });
    expect(other.status).toBe(422);
    expect(other.body.errors[0].rule).toBe("service_code_other_person");
    const wrong = await confirm(w, {
      code: `${w.ref.branchId}-${"A".repeat(24)}`,
      personName: PERSON.name,
      confirmedBy: "社区",
    });
    expect(wrong.body.errors[0].rule).toBe("service_code_unknown");
    // the code's time runs out (aged in D1, not waited on)
    for (const db of [env.SHARD_0, env.SHARD_1]) {
      await db
        .prepare("UPDATE service_sessions SET code_expires_on = '2020-01-01' WHERE id = ?")
        .bind(s.body.id)
        .run();
    }
    const late = await confirm(w, {
      code: s.body.confirmationCode,
      personName: PERSON.name,
      confirmedBy: "社区",
    });
    expect(late.body.errors[0].rule).toBe("service_code_expired");
    const list = await w.call(`${a.svc}/sessions`);
    expect(list.body.items[0].status).toBe("pending");
  });

  it("holds candidate designation until the district's minimum of confirmed hours, then lets it pass", async () => {
    const w = await world();
    const a = await activist(w);
    const rules = `/v1/districts/${w.ref.districtId}/development/rules`;
    const put = await w.call(rules, {
      role: "district_admin",
      method: "PUT",
      body: {
        version: 0,
        rules: { ...DEFAULT_PIPELINE_RULES, serviceHours: { beforeCandidate: 8, beforeFull: 0 } },
      },
    });
    expect(put.status).toBe(200);
    const designation = w.path.find((s) => s.step === "candidate_designation")!;
    const session = async (servedOn: string, hours: number) => {
      const s = await w.call(`${a.svc}/sessions`, {
        body: { registrationId: a.registrationId, servedOn, hours, description: "社区服务" },
      });
      expect(s.status).toBe(201);
      return s.body.confirmationCode as string;
    };
    await confirm(w, { code: await session("2023-06-01", 5), personName: PERSON.name, confirmedBy: "社区" });
    // recorded but never confirmed: does not count
    await session("2023-07-01", 5);
    const held = await w.call(`${w.cases}/${a.caseId}/steps`, { body: designation, lang: "en" });
    expect(held.status).toBe(422);
    const f = held.body.errors.find((e: { rule: string }) => e.rule === "service_hours_insufficient");
    expect(f.message).toMatch(/at least 8 confirmed community-service hours \(5 confirmed/);
    const view = await w.call(`${w.cases}/${a.caseId}`);
    const next = view.body.nextSteps.find((n: { step: string }) => n.step === "candidate_designation");
    expect(next.blockers.map((b: { rule: string }) => b.rule)).toContain("service_hours_insufficient");

    await confirm(w, { code: await session("2023-08-01", 3), personName: PERSON.name, confirmedBy: "社区" });
    const passed = await w.call(`${w.cases}/${a.caseId}/steps`, { body: designation });
    expect(passed.status).toBe(201);
  });

  it("keeps the gate off by default and lets a member read only their own service", async () => {
    const w = await world();
    const a = await activist(w);
    const designation = w.path.find((s) => s.step === "candidate_designation")!;
    expect((await w.call(`${w.cases}/${a.caseId}/steps`, { body: designation })).status).toBe(201);
    const other = await memberFixture(w.tc, { name: "党员戊", status: "full", joinedOn: "2010-07-01" });
    const vol = await w.call(`${a.svc}/registrations`, {
      body: {
        memberId: other.id,
        kind: "volunteer",
        organization: "区志愿服务队",
        registeredOn: "2024-01-01",
      },
    });
    expect(vol.status).toBe(201);
    await w.call(`${a.svc}/sessions`, {
      body: { registrationId: vol.body.id, servedOn: "2024-03-05", hours: 2, description: "学雷锋志愿服务" },
    });
    const self = await w.call(`${a.svc}/sessions`, {
      principal: principalFor("member", w.ref, other.id),
    });
    expect(self.status).toBe(200);
    expect(self.body.items.map((s: { memberId: string }) => s.memberId)).toEqual([other.id]);
    const peek = await w.call(`${a.svc}/members/${a.memberId}/summary`, {
      principal: principalFor("member", w.ref, other.id),
    });
    expect(peek.status).toBe(404);
    const write = await w.call(`${a.svc}/sessions`, {
      principal: principalFor("member", w.ref, other.id),
      body: { registrationId: vol.body.id, servedOn: "2024-03-06", hours: 2, description: "自己记录" },
    });
    expect(write.status).toBe(403);
    // a second active registration of the same kind is refused
    const twice = await w.call(`${a.svc}/registrations`, {
      body: { memberId: other.id, kind: "volunteer", organization: "另一队", registeredOn: "2024-02-01" },
    });
    expect(twice.body.errors[0].rule).toBe("service_already_registered");
  });
});
