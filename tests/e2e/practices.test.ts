import {
  addDays,
  addQuarters,
  addYears,
  quarterEnd,
  quarterOf,
  quarterStart,
  todayIn,
} from "@vanguard/domain";
import { happyPath } from "@vanguard/domain/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { auditDistrict } from "../support/audits";
import { http, idNumber, type Json, must, tenant } from "../support/http";

type Branch = Awaited<ReturnType<typeof tenant>> & { full: string[] };

let roll = 0;
/** A branch with six full members, made over HTTP (each person once across branches: ID numbers differ). */
async function branch(shard: number): Promise<Branch> {
  roll += 1;
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
        idNumber: idNumber(birthDate, 400 + roll * 10 + i),
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
    // the district's development report counts the hours the community confirmed in the year
    const report = await must("GET", `/v1/reports/development?districtId=${b.district.id}&year=2023`, {
      key: b.districtKey,
    });
    const row = report.items.find((r: Json) => r.branchId === b.branch.id);
    expect(row.service).toEqual({ confirmedHours: 4.5, people: 1 });
    expect(report.districts[0].service).toEqual({ confirmedHours: 4.5, people: 1 });
    const tl = await must(
      "GET",
      `/v1/branches/${b.branch.id}/development/cases/${caseId}/timeline?limit=200`,
      {
        key: b.branchKey,
      },
    );
    expect(tl.items.filter((e: Json) => e.kind === "service_confirmed")).toHaveLength(1);
  });

  it("the cultivation review keeps the confirmed hours of its period, shown with the step and in the timeline", async () => {
    const cases = `/v1/branches/${b.branch.id}/development/cases`;
    // recorded, never confirmed: the reviewer does not count it
    await must("POST", `${svc()}/sessions`, {
      key: b.branchKey,
      body: { registrationId, servedOn: "2023-08-01", hours: 2, description: "社区巡逻" },
    });
    const path = happyPath({
      secretary: b.full[0]!,
      contact1: b.full[1]!,
      contact2: b.full[2]!,
      intro1: b.full[3]!,
      intro2: b.full[4]!,
    });
    await must("POST", `${cases}/${caseId}/steps`, { key: b.branchKey, body: path[3] });
    await must("POST", `${cases}/${caseId}/steps`, { key: b.districtKey, body: path[4] });
    const review = await must("POST", `${cases}/${caseId}/steps`, { key: b.branchKey, body: path[5] });
    expect(review.step).toBe("cultivation_review");
    expect(review.facts.service).toMatchObject({
      from: path[4]!.occurredOn,
      to: path[5]!.occurredOn,
      confirmedHours: 4.5,
      confirmedSessions: 1,
    });
    const tl = await must("GET", `${cases}/${caseId}/timeline?limit=200`, { key: b.branchKey });
    const entry = tl.items.find((e: Json) => e.id === review.id);
    expect(entry.facts).toEqual(review.facts);
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

describe("committee terms and elections (换届) over HTTP", () => {
  it("refuses a bad election with its rule and nothing written, then seats the elected for the district's term", async () => {
    const b = await branch(0);
    const today = todayIn("Asia/Shanghai");
    const elections = `/v1/branches/${b.branch.id}/committee/elections`;
    const good = {
      heldOn: today,
      expectedVoters: 6,
      presentVoters: 6,
      seats: 3,
      candidates: [
        { memberId: b.full[0], votes: 6 },
        { memberId: b.full[1], votes: 5 },
        { memberId: b.full[2], votes: 4 },
        { memberId: b.full[3], votes: 3 },
      ],
      posts: [
        { memberId: b.full[0], post: "secretary" },
        { memberId: b.full[1], post: "organization" },
        { memberId: b.full[2], post: "propaganda" },
      ],
    };
    const equal = await http("POST", elections, {
      key: b.branchKey,
      body: { ...good, candidates: good.candidates.slice(0, 3) },
    });
    expect(equal.status).toBe(422);
    expect(equal.body.errors[0]).toMatchObject({ rule: "election_margin_too_small" });
    expect(equal.body.errors[0].message).toContain("差额选举");
    const over = await http("POST", elections, {
      key: b.branchKey,
      headers: { "accept-language": "en" },
      body: { ...good, candidates: [{ memberId: b.full[0], votes: 7 }, ...good.candidates.slice(1)] },
    });
    expect(over.status).toBe(422);
    expect(over.body.errors.map((e: Json) => e.rule)).toContain("election_votes_exceed_present");
    expect((await must("GET", elections, { key: b.branchKey })).items).toEqual([]);

    const held = await must("POST", elections, { key: b.branchKey, body: good });
    expect(held.election.candidates.filter((x: Json) => x.elected).map((x: Json) => x.memberId)).toEqual(
      b.full.slice(0, 3),
    );
    expect(held.committee).toMatchObject({ termStart: today, termEnd: addYears(today, 3) });
    const committee = await must("GET", `/v1/branches/${b.branch.id}/committee`, { key: b.districtKey });
    expect(committee.termEnd).toBe(addYears(today, 3));
    // a district with five-year terms
    const rules = await must("GET", `/v1/districts/${b.district.id}/practices/rules`, { key: b.districtKey });
    const five = await must("PUT", `/v1/districts/${b.district.id}/practices/rules`, {
      key: b.districtKey,
      body: {
        version: rules.version,
        rules: { ...rules.rules, committee: { termYears: 5, warnDaysBefore: 90 } },
      },
    });
    expect(five.version).toBe(rules.version + 1);
    const again = await must("POST", elections, { key: b.branchKey, body: good });
    expect(again.committee.termEnd).toBe(addYears(today, 5));
    expect(again.election.ruleSetVersion).toBe(five.version);
  });

  it("warns 90 days before the term ends, in the findings and the branch's digest", async () => {
    const b = await branch(1);
    const today = todayIn("Asia/Shanghai");
    const termEnd = addDays(today, 60);
    await must("PUT", `/v1/branches/${b.branch.id}/committee`, {
      key: b.branchKey,
      body: {
        termStart: addYears(termEnd, -3),
        termEnd,
        posts: [
          { memberId: b.full[0], post: "secretary" },
          { memberId: b.full[1], post: "organization" },
        ],
      },
    });
    await auditDistrict(b.district.id);
    const findings = await must("GET", `/v1/branches/${b.branch.id}/findings`, { key: b.branchKey });
    const warned = findings.items.find((f: Json) => f.rule === "committee_term_ending");
    expect(warned).toMatchObject({ severity: "warning", dueBy: termEnd });
    const digest = await must("GET", `/v1/branches/${b.branch.id}/digest`, { key: b.branchKey });
    expect(digest.openFindings.map((f: Json) => f.rule)).toContain("committee_term_ending");
  });
});

describe("political birthdays (政治生日) over HTTP", () => {
  it("lists the coming week's 入党纪念日 with the years in the digest, and the branch records the activity", async () => {
    const b = await branch(0);
    const today = todayIn("Asia/Shanghai");
    const soon = addDays(today, 3);
    const joinedOn = `${Number(soon.slice(0, 4)) - 10}${soon.slice(4)}`;
    const m = await must("POST", `/v1/branches/${b.branch.id}/members`, {
      key: b.branchKey,
      body: { name: "周政生", gender: "female", birthDate: "1985-03-03", status: "full", joinedOn },
    });
    const digest = await must("GET", `/v1/branches/${b.branch.id}/digest`, { key: b.branchKey });
    expect(digest.politicalBirthdays).toContainEqual({
      memberId: m.id,
      name: "周政生",
      joinedOn,
      on: soon,
      years: 10,
    });
    // the week ends on the 7th day: a date 8 days ahead leaves this member out
    const later = await must("GET", `/v1/branches/${b.branch.id}/digest?date=${addDays(soon, 1)}`, {
      key: b.branchKey,
    });
    expect(later.politicalBirthdays.map((x: Json) => x.memberId)).not.toContain(m.id);
    const rec = await must("POST", `/v1/branches/${b.branch.id}/members/${m.id}/records`, {
      key: b.branchKey,
      body: {
        kind: "political_birthday",
        occurredOn: today,
        content: "入党10周年政治生日：重温入党誓词，赠送政治生日贺卡",
      },
    });
    expect(rec.kind).toBe("political_birthday");
  });
});

describe("the quarterly service warning over HTTP", () => {
  it("warns for a registered person with no confirmed service last quarter, not for one the community confirmed", async () => {
    const b = await branch(0);
    const today = todayIn("Asia/Shanghai");
    const quarter = addQuarters(quarterOf(today), -1);
    const svc = `/v1/branches/${b.branch.id}/service`;
    const sessions: Record<string, Json> = {};
    for (const memberId of [b.full[0]!, b.full[1]!]) {
      const reg = await must("POST", `${svc}/registrations`, {
        key: b.branchKey,
        body: { memberId, kind: "community", organization: "海滨社区", registeredOn: quarterStart(quarter) },
      });
      sessions[memberId] = await must("POST", `${svc}/sessions`, {
        key: b.branchKey,
        body: {
          registrationId: reg.id,
          servedOn: addDays(quarterStart(quarter), 10),
          hours: 2,
          description: "入户走访",
        },
      });
    }
    // only 李红梅's session is confirmed; 张建国's stays pending
    await must("POST", "/v1/service-confirmations", {
      key: null,
      body: {
        code: sessions[b.full[1]!].confirmationCode,
        personName: "李红梅",
        confirmedBy: "海滨社区 李主任",
      },
    });
    await auditDistrict(b.district.id);
    const findings = await must("GET", `/v1/branches/${b.branch.id}/findings`, { key: b.branchKey });
    const warned = findings.items.filter((f: Json) => f.rule === "service_quarter_unconfirmed");
    expect(warned.map((f: Json) => f.subject)).toEqual([{ type: "member", id: b.full[0] }]);
    expect(warned[0]).toMatchObject({
      severity: "warning",
      period: `${quarter}:community`,
      dueBy: quarterEnd(quarterOf(today)),
    });
  });
});

describe("study reflections (学习体会) and model learners (学习标兵) over HTTP", () => {
  it("a reflection within the limits is featured once, earns points and names a model learner", async () => {
    const b = await branch(1);
    const other = await branch(0);
    const material = await must("POST", `/v1/districts/${b.district.id}/study/materials`, {
      key: b.districtKey,
      body: { kind: "article", title: "党章学习", body: "坚持和加强党的全面领导。".repeat(20) },
    });
    const path = `/v1/branches/${b.branch.id}/study/reflections`;
    const body = {
      memberId: b.full[0],
      subjectType: "material",
      subjectId: material.id,
      title: "学习党章的体会",
      text: "通过学习党章，我更加深刻地认识到坚持党的全面领导的重要意义，要在工作中践行初心使命。".repeat(2),
    };
    const short = await http("POST", path, { key: b.branchKey, body: { ...body, text: "太短了" } });
    expect(short.status).toBe(422);
    expect(short.headers.get("content-type")).toContain("application/problem+json");
    expect(short.body.errors[0]).toMatchObject({ rule: "reflection_length" });
    const en = await http("POST", path, {
      key: b.branchKey,
      body: { ...body, text: "太短了" },
      headers: { "accept-language": "en" },
    });
    expect(en.body.errors[0].message).toBe("A reflection has 50 to 3000 characters (3 given)");
    expect((await http("POST", path, { key: null, body })).status).toBe(401);
    expect((await http("POST", path, { key: other.branchKey, body })).status).toBe(404);
    expect((await must("GET", path, { key: b.branchKey })).items).toEqual([]);

    const r = await must("POST", path, { key: b.branchKey, body });
    const f = await must("POST", `${path}/${r.id}/feature`, { key: b.branchKey });
    expect(f.awarded).toBe(5);
    const twice = await http("POST", `${path}/${r.id}/feature`, { key: b.branchKey });
    expect(twice.status).toBe(422);
    expect(twice.body.errors[0].rule).toBe("reflection_already_featured");

    const learners = await must("GET", `/v1/districts/${b.district.id}/study/model-learners`, {
      key: b.districtKey,
    });
    expect(learners.items).toEqual([
      {
        rank: 1,
        memberId: b.full[0],
        name: "张建国",
        branchId: b.branch.id,
        earned: 5,
        featured: 1,
        reflections: [{ id: r.id, title: "学习党章的体会", featuredAt: f.featuredAt }],
      },
    ]);
    const featured = await must("GET", `/v1/districts/${b.district.id}/study/reflections`, {
      key: b.districtKey,
    });
    expect(featured.items.map((x: Json) => x.id)).toEqual([r.id]);
    expect(
      (await http("GET", `/v1/districts/${b.district.id}/study/model-learners`, { key: other.districtKey }))
        .status,
    ).toBe(404);
  });
});
