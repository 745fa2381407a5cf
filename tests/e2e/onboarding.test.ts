import { STEPS } from "@vanguard/domain";
import { happyPath } from "@vanguard/domain/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { http, idNumber, type Json, must, tenant } from "../support/http";

/** The upper committee's steps (上级党委): recorded with the district admin's key. */
const UPPER = new Set(STEPS.filter((s) => s.recordedBy === "upper").map((s) => s.code));

type Step = ReturnType<typeof happyPath>[number];
type Branch = Awaited<ReturnType<typeof setUp>>;

/** A branch on the chosen shard with eleven full members on its roll, created over HTTP. */
async function setUp(shard: number) {
  const t = await tenant(shard);
  const full: string[] = [];
  for (let i = 0; i < 11; i++) {
    const birthDate = `19${70 + i}-0${1 + (i % 9)}-1${i % 10}`;
    const m = await must("POST", `/v1/branches/${t.branch.id}/members`, {
      key: t.branchKey,
      body: {
        name: [
          "张建国",
          "李红梅",
          "王志强",
          "赵秀英",
          "孙卫东",
          "周海燕",
          "吴国庆",
          "郑丽娟",
          "冯德华",
          "陈春华",
          "褚玉兰",
        ][i],
        gender: i % 2 ? "female" : "male",
        birthDate,
        status: "full",
        joinedOn: `${1995 + i}-07-01`,
        idNumber: idNumber(birthDate, 300 + i),
      },
    });
    full.push(m.id);
  }
  const people = {
    secretary: full[0]!,
    contact1: full[1]!,
    contact2: full[2]!,
    intro1: full[3]!,
    intro2: full[4]!,
  };
  return { ...t, full, path: happyPath(people), cases: `/v1/branches/${t.branch.id}/development/cases` };
}

function post(b: Branch, caseId: string, s: Step, headers: Record<string, string> = {}) {
  return http("POST", `${b.cases}/${caseId}/steps`, {
    key: UPPER.has(s.step) ? b.districtKey : b.branchKey,
    body: s,
    headers: { "accept-language": "en", ...headers },
  });
}

async function record(b: Branch, caseId: string, s: Step): Promise<Json> {
  const r = await post(b, caseId, s);
  if (r.status !== 201) throw new Error(`${s.step} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function open(b: Branch, name: string, seq: number): Promise<Json> {
  return must("POST", b.cases, {
    key: b.branchKey,
    body: {
      person: { name, gender: "female", birthDate: "1998-05-04", idNumber: idNumber("1998-05-04", seq) },
      appliedOn: b.path[0]!.occurredOn,
      documents: [{ title: "入党申请书" }],
    },
  });
}

const stepOf = (b: Branch, code: string) => b.path.find((s) => s.step === code)!;
const rules = (r: { body: { errors: { rule: string }[] } }) => r.body.errors.map((e) => e.rule);

describe("the development pipeline over HTTP", () => {
  let b: Branch;
  beforeAll(async () => {
    b = await setUp(1);
  });

  it("walks a person through all 25 steps to full membership", async () => {
    const opened = await open(b, "陈思远", 11);
    expect(opened).toMatchObject({ stage: "applicant", completedSteps: ["application"] });
    const stages: string[] = [];
    for (const s of b.path.slice(1)) stages.push((await record(b, opened.id, s)).case.stage);
    expect([...new Set(stages)]).toEqual(["applicant", "activist", "candidate", "probationary", "full"]);

    const view = await must("GET", `${b.cases}/${opened.id}`, { key: b.branchKey });
    expect(view).toMatchObject({ stage: "full", fullOn: "2025-10-28", nextSteps: [], overdue: [] });
    expect(view.completedSteps).toHaveLength(25);
    const member = await must("GET", `/v1/branches/${b.branch.id}/members/${opened.memberId}`, {
      key: b.branchKey,
    });
    expect(member).toMatchObject({ status: "full", joinedOn: "2024-10-28" });
    expect(member.idNumber).toMatch(/^\*{14}\d{3}[\dX]$/);

    const timeline = await must("GET", `${b.cases}/${opened.id}/timeline?limit=200`, { key: b.districtKey });
    expect(timeline.items.map((e: { step: string }) => e.step)).toEqual(b.path.map((s) => s.step));
    expect(timeline.items[0].documents).toEqual([{ title: "入党申请书" }]);
    expect(
      await must("GET", `/v1/branches/${b.branch.id}/events/verify`, { key: b.districtKey }),
    ).toMatchObject({
      ok: true,
    });
  });

  it("refuses what the rules refuse, on the way, and lets the right step through", async () => {
    const opened = await open(b, "林晓明", 12);
    const id = opened.id;
    const at = (code: string) => b.path.findIndex((s) => s.step === code);
    for (const s of b.path.slice(1, at("candidate_designation"))) await record(b, id, s);

    // candidate designation at 11 months of cultivation
    const early = await post(b, id, { ...stepOf(b, "candidate_designation"), occurredOn: "2024-03-15" });
    expect(early.status).toBe(422);
    expect(early.body.errors).toContainEqual(
      expect.objectContaining({
        rule: "cultivation_under_one_year",
        facts: expect.objectContaining({ earliest: "2024-04-15" }),
      }),
    );
    const view = await must("GET", `${b.cases}/${id}`, { key: b.branchKey });
    expect(view.stage).toBe("activist");
    await record(b, id, stepOf(b, "candidate_designation"));
    await record(b, id, stepOf(b, "candidate_filing"));

    // a third introducer
    const three = await post(b, id, {
      step: "introducers_assigned",
      occurredOn: "2024-05-06",
      data: { introducerIds: [b.full[3]!, b.full[4]!, b.full[5]!] },
    } as Step);
    expect(three.status).toBe(422);
    expect(rules(three)).toEqual(["introducers_count"]);
    for (const code of [
      "introducers_assigned",
      "political_review",
      "intensive_training",
      "committee_review",
    ]) {
      await record(b, id, stepOf(b, code));
    }

    // publicity over the National Day holiday week is counted in working days
    const holiday = await post(b, id, {
      step: "pre_review",
      occurredOn: "2024-10-15",
      data: { publicity: { from: "2024-09-27", to: "2024-10-08" } },
    } as Step);
    expect(holiday.status).toBe(422);
    expect(holiday.body.errors[0]).toMatchObject({
      rule: "publicity_too_short",
      facts: { workingDays: 4, required: 5 },
    });
    await record(b, id, stepOf(b, "pre_review"));
    await record(b, id, stepOf(b, "application_form"));

    // an admission vote of 5 for out of 11 expected fails the double majority
    const weak = await post(b, id, {
      step: "admission_vote",
      occurredOn: "2024-10-28",
      data: { expected: 11, present: 7, for: 5, against: 2, abstain: 0 },
    } as Step);
    expect(weak.status).toBe(422);
    expect(rules(weak)).toEqual(["vote_majority_not_met"]);
    for (const s of b.path.slice(at("admission_vote"), at("full_membership_vote"))) await record(b, id, s);

    // probation extended once, then a second extension is refused
    const extend = (on: string) =>
      ({
        ...stepOf(b, "full_membership_vote"),
        occurredOn: on,
        data: { ...stepOf(b, "full_membership_vote").data, outcome: "extend", extensionMonths: 6 },
      }) as Step;
    await record(b, id, extend("2025-10-29"));
    const approved = await record(b, id, {
      step: "full_membership_approval",
      occurredOn: "2025-11-20",
      data: {},
    } as Step);
    expect(approved.case).toMatchObject({ stage: "probationary", probationEndsOn: "2026-04-28" });
    await record(b, id, { step: "full_membership_request", occurredOn: "2026-04-20", data: {} } as Step);
    const twice = await post(b, id, extend("2026-04-29"));
    expect(twice.status).toBe(422);
    expect(rules(twice)).toEqual(["extension_once_only"]);
  });

  it("keeps upper-committee steps from the branch admin and the cases from other branches", async () => {
    const opened = await open(b, "黄子轩", 13);
    for (const s of b.path.slice(1, 3)) await record(b, opened.id, s);
    const filing = await http("POST", `${b.cases}/${opened.id}/steps`, {
      key: b.branchKey,
      body: stepOf(b, "activist_filing"),
    });
    expect(filing.status).toBe(403);

    const other = await tenant(0);
    for (const key of [other.branchKey, other.districtKey]) {
      expect((await http("GET", `${b.cases}/${opened.id}`, { key })).status).toBe(404);
      expect((await http("GET", b.cases, { key })).status).toBe(404);
      expect(
        (await http("POST", `${b.cases}/${opened.id}/steps`, { key, body: stepOf(b, "activist_filing") }))
          .status,
      ).toBe(404);
    }
    const theirs = await must("GET", `/v1/branches/${other.branch.id}/development/cases`, {
      key: other.branchKey,
    });
    expect(theirs.items).toEqual([]);

    // the person's own key reads their case and nobody else's
    const { key: own } = await must("POST", `/v1/branches/${b.branch.id}/keys`, {
      key: b.branchKey,
      body: { role: "member", memberId: opened.memberId, label: "黄子轩" },
    });
    expect((await must("GET", `${b.cases}/${opened.id}`, { key: own })).memberId).toBe(opened.memberId);
    const list = await must("GET", b.cases, { key: own });
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([opened.id]);
  });

  it("records one step for a retried POST", async () => {
    const opened = await open(b, "高雨萱", 14);
    const talk = b.path[1]!;
    const a = await post(b, opened.id, talk, { "Idempotency-Key": `talk-${opened.id}` });
    const again = await post(b, opened.id, talk, { "Idempotency-Key": `talk-${opened.id}` });
    expect([a.status, again.status]).toEqual([201, 201]);
    expect(again.body.id).toBe(a.body.id);
    const timeline = await must("GET", `${b.cases}/${opened.id}/timeline`, { key: b.branchKey });
    expect(timeline.items.filter((e: { step: string }) => e.step === "application_talk")).toHaveLength(1);
  });

  it("publishes the pipeline in the merged OpenAPI document", async () => {
    const spec = await must("GET", "/openapi.json", { key: null });
    expect(spec.paths["/v1/branches/{branchId}/development/cases/{caseId}/steps"]).toBeDefined();
    expect(spec.paths["/v1/districts/{districtId}/development/rules"]).toBeDefined();
  });
});
