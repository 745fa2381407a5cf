import { beforeAll, describe, expect, it } from "vitest";
import { happyPath } from "../../packages/domain/src/pipeline/testing";
import { http, idNumber, type Json, must, tenant } from "../support/http";

type Branch = Awaited<ReturnType<typeof tenant>> & { full: string[] };

/** A branch with six full members, made over HTTP. */
async function branch(shard: number): Promise<Branch> {
  const t = await tenant(shard);
  const full: string[] = [];
  const names = ["张建国", "李红梅", "王志强", "赵秀英", "孙卫东", "周海燕"];
  for (const [i, name] of names.entries()) {
    const birthDate = `197${i}-0${1 + i}-1${i}`;
    const m = await must("POST", `/v1/branches/${t.branch.id}/members`, {
      key: t.branchKey,
      body: {
        name,
        gender: i % 2 ? "female" : "male",
        birthDate,
        status: "full",
        joinedOn: `${1995 + i}-07-01`,
        idNumber: idNumber(birthDate, 400 + i),
      },
    });
    full.push(m.id);
  }
  return { ...t, full };
}

const PERSON = { name: "陈思远", gender: "male", birthDate: "1998-05-04" };

describe("community service (报到服务) over HTTP", () => {
  let b: Branch;
  let caseId: string;
  let memberId: string;
  let registrationId: string;
  const svc = () => `/v1/branches/${b.branch.id}/service`;

  beforeAll(async () => {
    b = await branch(1);
    const path = happyPath({
      secretary: b.full[0]!,
      contact1: b.full[1]!,
      contact2: b.full[2]!,
      intro1: b.full[3]!,
      intro2: b.full[4]!,
    });
    const cases = `/v1/branches/${b.branch.id}/development/cases`;
    const opened = await must("POST", cases, {
      key: b.branchKey,
      body: { person: PERSON, appliedOn: path[0]!.occurredOn },
    });
    caseId = opened.id;
    memberId = opened.memberId;
    for (const s of path.slice(1, 3))
      await must("POST", `${cases}/${caseId}/steps`, { key: b.branchKey, body: s });
    const reg = await must("POST", `${svc()}/registrations`, {
      key: b.branchKey,
      body: {
        memberId,
        kind: "community",
        organization: "海滨社区",
        contactName: "李主任",
        registeredOn: "2023-05-01",
      },
    });
    registrationId = reg.id;
  });

  it("the community confirms a session with its code and no key; the case shows the hours", async () => {
    const s = await must("POST", `${svc()}/sessions`, {
      key: b.branchKey,
      body: { registrationId, servedOn: "2023-06-10", hours: 4.5, description: "社区文明创建入户宣传" },
    });
    expect(s.status).toBe("pending");
    const code: string = s.confirmationCode;
    // the log never holds the code
    const log = await must("GET", `/v1/branches/${b.branch.id}/events?limit=200`, { key: b.districtKey });
    expect(JSON.stringify(log)).not.toContain(code.slice(-24));

    const other = await http("POST", "/v1/service-confirmations", {
      key: null,
      body: { code, personName: "张三", confirmedBy: "海滨社区 李主任" },
    });
    expect(other.status).toBe(422);
    expect(other.headers.get("content-type")).toContain("application/problem+json");
    expect(other.body.errors[0]).toMatchObject({ rule: "service_code_other_person" });
    expect(other.body.errors[0].message).toContain("确认码");

    // two contacts redeem the same code at once: one confirms, the other is told it was used
    const both = await Promise.all(
      [1, 2].map(() =>
        http("POST", "/v1/service-confirmations", {
          key: null,
          body: { code, personName: PERSON.name, confirmedBy: "海滨社区 李主任" },
          headers: { "accept-language": "en" },
        }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 422]);
    const refused = both.find((r) => r.status === 422)!;
    expect(refused.body.errors[0].rule).toBe("service_code_used");
    expect(refused.body.errors[0].message).toMatch(/already been used/);

    const view = await must("GET", `/v1/branches/${b.branch.id}/development/cases/${caseId}`, {
      key: b.branchKey,
    });
    expect(view.service).toMatchObject({ confirmedHours: 4.5, confirmedSessions: 1 });
    const tl = await must(
      "GET",
      `/v1/branches/${b.branch.id}/development/cases/${caseId}/timeline?limit=200`,
      {
        key: b.branchKey,
      },
    );
    expect(tl.items.filter((e: Json) => e.kind === "service_confirmed")).toHaveLength(1);
  });

  it("refuses bad sessions and bad codes with the rule, writing nothing", async () => {
    const before = await must("GET", `/v1/branches/${b.branch.id}/events/verify`, { key: b.districtKey });
    for (const [over, rule] of [
      [{ hours: -2 }, "service_hours_out_of_range"],
      [{ hours: 25 }, "service_hours_out_of_range"],
      [{ servedOn: "2099-01-01" }, "service_date_in_future"],
      [{ servedOn: "2023-04-01" }, "service_before_registration"],
    ] as const) {
      const r = await http("POST", `${svc()}/sessions`, {
        key: b.branchKey,
        body: { registrationId, servedOn: "2023-07-01", hours: 2, description: "服务", ...over },
      });
      expect(r.status, rule).toBe(422);
      expect(r.body.errors.map((e: Json) => e.rule)).toContain(rule);
    }
    for (const code of [
      "nonsense",
      `${b.branch.id}-${"0".repeat(24)}`,
      `br_${"0".repeat(26)}-${"0".repeat(24)}`,
    ]) {
      const r = await http("POST", "/v1/service-confirmations", {
        key: null,
        body: { code, personName: PERSON.name, confirmedBy: "社区" },
      });
      expect(r.status).toBe(422);
      expect(r.body.errors[0].rule).toBe("service_code_unknown");
    }
    const after = await must("GET", `/v1/branches/${b.branch.id}/events/verify`, { key: b.districtKey });
    expect(after.length).toBe(before.length);
  });

  it("keeps service inside its branch: 401 without a key, 404 for another district, 403 for an auditor's write", async () => {
    expect((await http("GET", `${svc()}/sessions`, { key: null })).status).toBe(401);
    const stranger = await tenant(0);
    expect((await http("GET", `${svc()}/sessions`, { key: stranger.branchKey })).status).toBe(404);
    expect((await http("GET", `${svc()}/sessions`, { key: stranger.districtKey })).status).toBe(404);
    const auditor = (
      await must("POST", `/v1/districts/${b.district.id}/keys`, { body: { role: "auditor", label: "审计" } })
    ).key;
    expect((await http("GET", `${svc()}/registrations`, { key: auditor })).status).toBe(200);
    const write = await http("POST", `${svc()}/registrations`, {
      key: auditor,
      body: { memberId: b.full[5], kind: "volunteer", organization: "志愿队", registeredOn: "2024-01-01" },
    });
    expect(write.status).toBe(403);
  });

  it("counts a member's confirmed volunteer hours in their summary and the branch's report", async () => {
    const reg = await must("POST", `${svc()}/registrations`, {
      key: b.branchKey,
      body: {
        memberId: b.full[1],
        kind: "volunteer",
        organization: "赣榆区志愿服务队",
        registeredOn: "2024-01-01",
      },
    });
    for (const [servedOn, hours] of [
      ["2024-03-05", 3],
      ["2024-05-04", 2.5],
    ] as const) {
      const s = await must("POST", `${svc()}/sessions`, {
        key: b.branchKey,
        headers: { "idempotency-key": `vol-${b.branch.id}-${servedOn}` },
        body: { registrationId: reg.id, servedOn, hours, description: "学雷锋志愿服务" },
      });
      // a retried POST answers the same session (and the same code), recording nothing twice
      const again = await must("POST", `${svc()}/sessions`, {
        key: b.branchKey,
        headers: { "idempotency-key": `vol-${b.branch.id}-${servedOn}` },
        body: { registrationId: reg.id, servedOn, hours, description: "学雷锋志愿服务" },
      });
      expect(again.id).toBe(s.id);
      await must("POST", "/v1/service-confirmations", {
        key: null,
        body: { code: s.confirmationCode, personName: "李红梅", confirmedBy: "志愿服务队 队长" },
      });
    }
    const sum = await must("GET", `${svc()}/members/${b.full[1]}/summary?year=2024`, { key: b.branchKey });
    expect(sum.volunteer).toEqual({ confirmedHours: 5.5, pendingHours: 0, sessions: 2 });
    const report = await must("GET", `${svc()}/report?year=2024`, { key: b.districtKey });
    expect(report.members).toEqual([{ memberId: b.full[1], name: "李红梅", community: 0, volunteer: 5.5 }]);
  });
});
