import { getMember, snapshotMember, verifyBranchChain } from "@vanguard/db";
import { ONBOARDING_MEMBER_RECORDS, openCaseStates } from "@vanguard/db/onboarding";
import { STEP_CODES } from "@vanguard/domain";
import { memberFixture } from "@vanguard/testing/fixtures";
import { describe, expect, it } from "vitest";
import { PERSON, recorderOf, until, walk, world } from "./harness";

describe("a development case, walked through the worker", () => {
  it("opens for a new person, who joins the roll as an applicant with their numbers sealed", async () => {
    const w = await world();
    const r = await w.call(w.cases, {
      body: {
        person: { ...PERSON, idNumber: "320707199805040199", phone: "13812345678", education: "大学本科" },
        appliedOn: "2026-10-10",
        note: "本人递交书面入党申请书",
        documents: [{ title: "入党申请书", ref: "档案盒 2026-10" }],
      },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      stage: "applicant",
      appliedOn: "2026-10-10",
      member: { name: "陈思远", status: "applicant" },
      completedSteps: ["application"],
      ruleSetVersion: 0,
      lastStep: "application",
    });
    expect(r.body.nextSteps.map((n: { step: string }) => n.step)).toEqual([
      "application_talk",
      "activist_designation",
    ]);
    expect(r.body.nextSteps[0]).toMatchObject({ allowed: true, dueBy: "2026-11-10", recordedBy: "branch" });
    expect(r.body.nextSteps[1]).toMatchObject({
      allowed: false,
      blockers: [{ rule: "procedure_incomplete", facts: { missing: ["application_talk"] } }],
    });
    const m = await getMember(w.tc, r.body.memberId);
    expect(m).toMatchObject({
      status: "applicant",
      idNumberMasked: "**************0199",
      phoneMasked: "138****5678",
    });
    expect(m!.idNumberEnc).not.toContain("320707");
    const timeline = await w.call(`${w.cases}/${r.body.id}/timeline`);
    expect(timeline.body.items).toMatchObject([
      {
        kind: "step",
        step: "application",
        on: "2026-10-10",
        documents: [{ title: "入党申请书" }],
        ruleSetVersion: 0,
      },
    ]);
  });

  it("opens for a person already on the roll, once", async () => {
    const w = await world();
    const activist = await memberFixture(w.tc, {
      name: "刘洁",
      status: "activist",
      joinedOn: null,
      birthDate: "1996-02-03",
    });
    const r = await w.call(w.cases, { body: { memberId: activist.id, appliedOn: "2025-01-05" } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      memberId: activist.id,
      stage: "applicant",
      member: { status: "activist" },
    });
    const again = await w.call(w.cases, { body: { memberId: activist.id, appliedOn: "2025-02-05" } });
    expect(again.status).toBe(409);
  });

  it("walks all 25 steps: the roll status moves with the steps and the record is complete", async () => {
    const w = await world();
    const { caseId, memberId } = await walk(w, until(w, "activist_designation"));
    const step = (s: (typeof w.path)[number]) =>
      w.call(`${w.cases}/${caseId}/steps`, { role: recorderOf(s.step), body: s });
    const statuses: string[] = [];
    const roundTrips = new Map<string, number>();
    for (const s of w.path.slice(2)) {
      const r = await step(s);
      expect(r.status, `${s.step} ${JSON.stringify(r.body)}`).toBe(201);
      expect(r.body.warnings).toEqual([]);
      roundTrips.set(s.step, Number(r.headers.get("x-d1-round-trips")));
      statuses.push((await getMember(w.tc, memberId))!.status);
    }
    // the chain head with the case and the people it names (one batch), beside the district's rules
    // (and, for pre-review, the working calendar); then the write. The case's history never adds a trip.
    expect(new Set(roundTrips.values())).toEqual(new Set([2]));
    expect([...new Set(statuses)]).toEqual(["activist", "candidate", "probationary", "full"]);
    const m = (await getMember(w.tc, memberId))!;
    expect(m).toMatchObject({ status: "full", joinedOn: "2024-10-28" });

    const view = await w.call(`${w.cases}/${caseId}`);
    expect(view.body).toMatchObject({
      stage: "full",
      probationEndsOn: "2025-10-28",
      fullOn: "2025-10-28",
      nextSteps: [],
      overdue: [],
      lastStep: "archive",
    });
    expect(view.body.completedSteps).toEqual([...STEP_CODES]);

    const timeline = await w.call(`${w.cases}/${caseId}/timeline?limit=200`);
    expect(timeline.body.items).toHaveLength(w.path.length);
    const dates = timeline.body.items.map((e: { on: string }) => e.on);
    expect(dates).toEqual([...dates].sort());
    const vote = timeline.body.items.find((e: { step?: string }) => e.step === "admission_vote");
    expect(vote.data).toMatchObject({ expected: 9, present: 8, for: 8, writtenOpinions: { for: 1 } });
    // pages of the timeline join up
    const first = await w.call(`${w.cases}/${caseId}/timeline?limit=10`);
    const second = await w.call(`${w.cases}/${caseId}/timeline?limit=10&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((e: { id: string }) => e.id)).toEqual(
      timeline.body.items.slice(0, 20).map((e: { id: string }) => e.id),
    );

    const chain = await verifyBranchChain(w.tc);
    expect(chain.ok).toBe(true);
    const log = await w.tc.shard.d1
      .prepare("SELECT action FROM events WHERE scope_id = ? ORDER BY seq")
      .bind(w.ref.branchId)
      .all<{ action: string }>();
    const actions = log.results.map((e) => e.action);
    expect(actions.filter((a) => a === "development.step_recorded")).toHaveLength(w.path.length - 1);
    expect(actions.filter((a) => a === "member.status_changed")).toHaveLength(4);
  });

  it("records a late talk with its warning, and shows missed deadlines on the case", async () => {
    const w = await world();
    const { caseId } = await walk(w, []);
    const view = await w.call(`${w.cases}/${caseId}`, { lang: "en" });
    expect(view.body.overdue).toMatchObject([
      { rule: "application_talk_overdue", severity: "warning", facts: { dueBy: "2023-04-01" } },
    ]);
    const late = await w.call(`${w.cases}/${caseId}/steps`, {
      body: { ...w.path[1]!, occurredOn: "2023-04-20" },
      lang: "en",
    });
    expect(late.status).toBe(201);
    expect(late.body.warnings).toMatchObject([
      { rule: "application_talk_overdue", severity: "warning", facts: { daysLate: 19 } },
    ]);
    expect(late.body.warnings[0].message).toMatch(/within 1 month/);
    const timeline = await w.call(`${w.cases}/${caseId}/timeline`);
    expect(timeline.body.items[1].warnings[0].rule).toBe("application_talk_overdue");
  });

  it("closes the case of a disqualified probationary member, who leaves the roll", async () => {
    const w = await world();
    const { caseId, memberId } = await walk(w, until(w, "full_membership_vote"));
    const vote = w.path.find((s) => s.step === "full_membership_vote")!;
    const record = (body: object, role: "branch_admin" | "district_admin" = "branch_admin") =>
      w.call(`${w.cases}/${caseId}/steps`, { role, body });
    expect((await record({ ...vote, data: { ...vote.data, outcome: "disqualify" } })).status).toBe(201);
    const approval = await record(
      { step: "full_membership_approval", occurredOn: "2025-11-20" },
      "district_admin",
    );
    expect(approval.body.case).toMatchObject({ stage: "closed", closedOn: "2025-11-20" });
    expect(await getMember(w.tc, memberId)).toMatchObject({
      status: "probationary",
      leftOn: "2025-11-20",
      leftReason: "probation_disqualified",
    });
    const closed = await w.call(`${w.cases}?stage=closed`);
    expect(closed.body.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
  });

  it("lists cases by stage and pages through them", async () => {
    const w = await world();
    await walk(w, until(w, "application_talk"));
    await walk(w, until(w, "activist_filing"));
    await walk(w, until(w, "activist_filing"));
    const all = await w.call(`${w.cases}?limit=2`);
    expect(all.body.items).toHaveLength(2);
    const rest = await w.call(`${w.cases}?limit=2&cursor=${all.body.nextCursor}`);
    expect(rest.body).toMatchObject({ nextCursor: null });
    expect(rest.body.items).toHaveLength(1);
    const activists = await w.call(`${w.cases}?stage=activist`);
    expect(
      activists.body.items.map((i: { stage: string; memberName: string }) => [i.stage, i.memberName]),
    ).toEqual([
      ["activist", "陈思远"],
      ["activist", "陈思远"],
    ]);
  });

  it("lets deadline checks read every open case of a branch in a few queries", async () => {
    const w = await world();
    await walk(w, until(w, "application_talk"));
    await walk(w, until(w, "admission_approval"));
    const states = await openCaseStates(w.tc);
    expect(states.map((s) => s.state.stage).sort()).toEqual(["applicant", "candidate"]);
    expect(states.find((s) => s.state.stage === "candidate")!.state.steps).toHaveLength(17);
  });

  it("hands the case, its steps and complaints to a transfer with the member", async () => {
    const w = await world();
    const { caseId, memberId } = await walk(w, until(w, "candidate_designation"));
    await w.call(`${w.cases}/${caseId}/complaints`, {
      body: { receivedOn: "2024-04-01", summary: "来信反映情况" },
    });
    const snap = (await snapshotMember(w.tc, memberId, ONBOARDING_MEMBER_RECORDS))!;
    const rows = Object.fromEntries(snap.records.map((r) => [r.name, r.rows.length]));
    expect(rows).toMatchObject({ development_cases: 1, development_steps: 7, development_complaints: 1 });
  });
});
