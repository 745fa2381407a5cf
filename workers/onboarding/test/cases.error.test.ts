import { getMember, verifyBranchChain } from "@vanguard/db";
import type { StepRecord } from "@vanguard/domain";
import { memberFixture } from "@vanguard/testing/fixtures";
import { describe, expect, it } from "vitest";
import { PERSON, recorderOf, until, type World, walk, world } from "./harness";

/** Sends a step that must be refused, and proves nothing was written: no step, no event, same case. */
async function refused(w: World, caseId: string, step: StepRecord, status = 422) {
  const before = await Promise.all([w.call(`${w.cases}/${caseId}`), verifyBranchChain(w.tc)]);
  const r = await w.call(`${w.cases}/${caseId}/steps`, {
    role: recorderOf(step.step),
    body: step,
    lang: "en",
  });
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.headers.get("content-type")).toContain("application/problem+json");
  const after = await Promise.all([w.call(`${w.cases}/${caseId}`), verifyBranchChain(w.tc)]);
  expect(after[0].body.version).toBe(before[0].body.version);
  expect(after[0].body.completedSteps).toEqual(before[0].body.completedSteps);
  expect(after[1].length).toBe(before[1].length);
  return r.body;
}

const rulesOf = (body: { errors: { rule: string }[] }) => body.errors.map((e) => e.rule);

describe("blocked steps answer 422, name the rules and their facts, and write nothing", () => {
  it("candidate designation at 11 months of cultivation", async () => {
    const w = await world();
    const { caseId } = await walk(w, until(w, "candidate_designation"));
    const designation = w.path.find((s) => s.step === "candidate_designation")!;
    const body = await refused(w, caseId, { ...designation, occurredOn: "2024-03-15" });
    expect(body.code).toBe("rule_violation");
    expect(body.errors).toContainEqual(
      expect.objectContaining({
        rule: "cultivation_under_one_year",
        facts: expect.objectContaining({ activistDesignatedOn: "2023-04-15", earliest: "2024-04-15" }),
      }),
    );
    expect(body.errors[0].message).toMatch(/12 months/);
  });

  it("an admission vote of 5 for out of 11 expected", async () => {
    const w = await world();
    for (const name of ["党员戊", "党员己"])
      await memberFixture(w.tc, { name, status: "full", joinedOn: "2005-07-01" });
    const { caseId } = await walk(w, until(w, "admission_vote"));
    const vote = {
      step: "admission_vote",
      occurredOn: "2024-10-28",
      data: { expected: 11, present: 8, for: 5, against: 3, abstain: 0 },
    } as StepRecord;
    const body = await refused(w, caseId, vote);
    expect(body.errors).toEqual([
      expect.objectContaining({
        rule: "vote_majority_not_met",
        facts: expect.objectContaining({ expected: 11, inFavour: 5, required: 6 }),
      }),
    ]);
  });

  it("an expected count larger than the branch's full members with voting rights", async () => {
    const w = await world();
    const { caseId } = await walk(w, until(w, "admission_vote"));
    const vote = {
      step: "admission_vote",
      occurredOn: "2024-10-28",
      data: { expected: 10, present: 9, for: 9, against: 0, abstain: 0 },
    } as StepRecord;
    expect(rulesOf(await refused(w, caseId, vote))).toEqual(["vote_expected_exceeds_roll"]);
    // a member under 留党察看 has no vote, so the roll counts eight voters
    const s = await w.call(`/v1/branches/${w.ref.branchId}/development/sanctions`, {
      body: {
        memberId: w.people.contact2,
        kind: "probation_within_party",
        decidedOn: "2024-01-10",
        endsOn: "2025-01-10",
      },
    });
    expect(s.status).toBe(201);
    const nine = { ...vote, data: { expected: 9, present: 8, for: 8, against: 0, abstain: 0 } } as StepRecord;
    expect(rulesOf(await refused(w, caseId, nine))).toEqual(["vote_expected_exceeds_roll"]);
  });

  it("a third introducer, and one under 留党察看", async () => {
    const w = await world();
    const { caseId } = await walk(w, until(w, "introducers_assigned"));
    const assign = (ids: string[]) =>
      ({
        step: "introducers_assigned",
        occurredOn: "2024-05-06",
        data: { introducerIds: ids },
      }) as StepRecord;
    const three = await refused(w, caseId, assign([w.people.intro1, w.people.intro2, w.people.secretary]));
    expect(three.errors).toEqual([
      expect.objectContaining({ rule: "introducers_count", facts: { introducers: 3, required: 2 } }),
    ]);
    const twice = await refused(w, caseId, assign([w.people.intro1, w.people.intro2, w.people.intro1]));
    expect(twice.errors).toEqual([
      expect.objectContaining({ rule: "introducer_repeated", facts: { memberIds: [w.people.intro1] } }),
    ]);
    await w.call(`/v1/branches/${w.ref.branchId}/development/sanctions`, {
      body: { memberId: w.people.intro2, kind: "probation_within_party", decidedOn: "2024-01-10" },
    });
    expect(rulesOf(await refused(w, caseId, assign([w.people.intro1, w.people.intro2])))).toEqual([
      "introducer_under_discipline",
    ]);
    const stranger = await memberFixture(w.tc, { name: "积极分子", status: "activist", joinedOn: null });
    expect(rulesOf(await refused(w, caseId, assign([w.people.intro1, stranger.id])))).toEqual([
      "introducer_not_full_member",
    ]);
  });

  it("probation extended twice", async () => {
    const w = await world();
    const { caseId } = await walk(w, until(w, "full_membership_vote"));
    const vote = w.path.find((s) => s.step === "full_membership_vote")!;
    const extend = (on: string) =>
      ({
        ...vote,
        occurredOn: on,
        data: { ...vote.data, outcome: "extend", extensionMonths: 6 },
      }) as StepRecord;
    const step = (s: StepRecord) =>
      w.call(`${w.cases}/${caseId}/steps`, { role: recorderOf(s.step), body: s });
    expect((await step(extend("2025-10-29"))).status).toBe(201);
    const approved = await step({ step: "full_membership_approval", occurredOn: "2025-11-20", data: {} });
    expect(approved.body.case).toMatchObject({ stage: "probationary", probationEndsOn: "2026-04-28" });
    expect((await step({ step: "full_membership_request", occurredOn: "2026-04-20", data: {} })).status).toBe(
      201,
    );
    const body = await refused(w, caseId, extend("2026-04-29"));
    expect(body.errors).toEqual([
      expect.objectContaining({ rule: "extension_once_only", facts: { extensionsApproved: 1, maxTimes: 1 } }),
    ]);
  });

  it("publicity over a holiday week counted in working days", async () => {
    const w = await world();
    const { caseId } = await walk(w, until(w, "pre_review"));
    const preReview = (from: string, to: string) =>
      ({ step: "pre_review", occurredOn: "2024-10-15", data: { publicity: { from, to } } }) as StepRecord;
    // 2024-09-27 to 10-08 is 12 calendar days but 4 working days over 国庆
    const body = await refused(w, caseId, preReview("2024-09-27", "2024-10-08"));
    expect(body.errors).toEqual([
      expect.objectContaining({
        rule: "publicity_too_short",
        facts: expect.objectContaining({ workingDays: 4, required: 5 }),
      }),
    ]);
    const ok = await w.call(`${w.cases}/${caseId}/steps`, {
      role: "district_admin",
      body: preReview("2024-09-26", "2024-10-08"),
    });
    expect(ok.status).toBe(201);
  });

  it("a step skipped, a step of another stage, a step twice, a date in the future", async () => {
    const w = await world();
    const { caseId } = await walk(w, until(w, "activist_designation"));
    expect(
      rulesOf(await refused(w, caseId, { step: "activist_filing", occurredOn: "2023-05-01", data: {} })),
    ).toEqual(["stage_mismatch"]);
    expect(
      rulesOf(
        await refused(w, caseId, {
          step: "application_talk",
          occurredOn: "2023-03-21",
          data: { talkerIds: [w.people.secretary] },
        }),
      ),
    ).toEqual(["step_already_recorded"]);
    expect(
      rulesOf(await refused(w, caseId, { step: "application", occurredOn: "2023-03-01", data: {} })),
    ).toEqual(["step_already_recorded"]);
    expect(
      rulesOf(
        await refused(w, caseId, {
          step: "activist_designation",
          occurredOn: "2099-01-01",
          data: { recommendedBy: "league" },
        }),
      ),
    ).toEqual(["step_date_in_future"]);
  });

  it("mass complaints hold candidate designation until resolved", async () => {
    const w = await world();
    const { caseId } = await walk(w, until(w, "candidate_designation"));
    const filed = await w.call(`${w.cases}/${caseId}/complaints`, {
      body: { receivedOn: "2024-04-10", summary: "群众来信反映其工作作风问题", source: "来信" },
    });
    expect(filed.status).toBe(201);
    const designation = w.path.find((s) => s.step === "candidate_designation")!;
    const body = await refused(w, caseId, designation);
    expect(body.errors).toEqual([
      expect.objectContaining({ rule: "open_mass_complaints", facts: { openComplaints: 1 } }),
    ]);
    const view = await w.call(`${w.cases}/${caseId}`);
    expect(view.body.openComplaints).toBe(1);
    expect(
      view.body.nextSteps.find((n: { step: string }) => n.step === "candidate_designation"),
    ).toMatchObject({
      allowed: false,
      blockers: [{ rule: "open_mass_complaints" }],
    });
    const resolved = await w.call(`${w.cases}/${caseId}/complaints/${filed.body.id}/resolve`, {
      body: { resolvedOn: "2024-04-14", resolution: "经核实，反映问题不属实" },
    });
    expect(resolved.body).toMatchObject({ status: "resolved", resolvedOn: "2024-04-14" });
    const twice = await w.call(`${w.cases}/${caseId}/complaints/${filed.body.id}/resolve`, {
      body: { resolvedOn: "2024-04-15", resolution: "再次办结" },
    });
    expect(twice.status).toBe(422);
    expect(rulesOf(twice.body)).toEqual(["complaint_already_resolved"]);
    const ok = await w.call(`${w.cases}/${caseId}/steps`, { body: designation });
    expect(ok.status).toBe(201);
    const list = await w.call(`${w.cases}/${caseId}/complaints`);
    expect(list.body.items).toHaveLength(1);
    const timeline = await w.call(`${w.cases}/${caseId}/timeline?limit=200`);
    expect(timeline.body.items.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(["complaint_received", "complaint_resolved"]),
    );
  });
});

describe("cases that cannot open", () => {
  it("refuses an applicant under 18 on the application date, naming the day they turn 18", async () => {
    const w = await world();
    const r = await w.call(w.cases, {
      body: { person: { ...PERSON, birthDate: "2008-12-01" }, appliedOn: "2026-11-01" },
    });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([
      expect.objectContaining({
        rule: "age_under_minimum",
        facts: expect.objectContaining({ reachesOn: "2026-12-01" }),
      }),
    ]);
    const members = await w.tc.shard.d1
      .prepare("SELECT count(*) AS n FROM members WHERE branch_id = ? AND status = 'applicant'")
      .bind(w.ref.branchId)
      .first<{ n: number }>();
    expect(members!.n).toBe(0);
  });

  it("refuses a party member, a stranger to the roll and a duplicate identity number", async () => {
    const w = await world();
    const full = await w.call(w.cases, { body: { memberId: w.people.secretary, appliedOn: "2026-01-01" } });
    expect(full.status).toBe(422);
    expect(rulesOf(full.body)).toEqual(["already_party_member"]);
    const stranger = await w.call(w.cases, { body: { memberId: "mb_nobody", appliedOn: "2026-01-01" } });
    expect(rulesOf(stranger.body)).toEqual(["member_not_on_roll"]);
    const person = { ...PERSON, idNumber: "320707199805040199" };
    expect((await w.call(w.cases, { body: { person, appliedOn: "2026-01-01" } })).status).toBe(201);
    expect((await w.call(w.cases, { body: { person, appliedOn: "2026-01-02" } })).status).toBe(409);
  });

  it("answers 400 naming the field for malformed input", async () => {
    const w = await world();
    const both = await w.call(w.cases, {
      body: { memberId: w.people.secretary, person: PERSON, appliedOn: "2026-01-01" },
    });
    expect(both.status).toBe(400);
    expect(both.body.errors[0].path).toBe("memberId");
    const badDate = await w.call(w.cases, { body: { person: PERSON, appliedOn: "2026-02-30" } });
    expect(badDate.body.errors[0].path).toBe("appliedOn");
    const { caseId } = await walk(w, until(w, "application_talk"));
    const unknown = await w.call(`${w.cases}/${caseId}/steps`, {
      body: { step: "coffee", occurredOn: "2026-01-01" },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe("step");
    const noTalker = await w.call(`${w.cases}/${caseId}/steps`, {
      body: { step: "application_talk", occurredOn: "2023-03-20", data: {} },
    });
    expect(noTalker.status).toBe(400);
    expect(noTalker.body.errors[0].path).toBe("data.talkerIds");
    const markup = await w.call(`${w.cases}/${caseId}/steps`, {
      body: {
        step: "application_talk",
        occurredOn: "2023-03-20",
        data: { talkerIds: [w.people.secretary] },
        note: "<script>",
      },
    });
    expect(markup.body.errors[0].path).toBe("note");
  });

  it("closes a case before admission, and then refuses its steps", async () => {
    const w = await world();
    const { caseId, memberId } = await walk(w, until(w, "activist_designation"));
    const closed = await w.call(`${w.cases}/${caseId}/close`, {
      body: { closedOn: "2023-06-01", reason: "本人撤回入党申请" },
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ stage: "closed", closedOn: "2023-06-01", nextSteps: [] });
    const designation = w.path.find((s) => s.step === "activist_designation")!;
    expect(rulesOf(await refused(w, caseId, designation))).toEqual(["case_closed"]);
    expect((await getMember(w.tc, memberId))!.status).toBe("applicant");
    // a closed case makes way for a new application
    expect((await w.call(w.cases, { body: { memberId, appliedOn: "2024-03-01" } })).status).toBe(201);
  });
});
