import { verifyBranchChain } from "@vanguard/db";
import { STEPS, type StepRecord } from "@vanguard/domain";
import { memberFixture } from "@vanguard/testing/fixtures";
import { principalFor } from "@vanguard/testing/module-harness";
import { describe, expect, it } from "vitest";
import { until, walk, world } from "./harness";

describe("who may record and read what", () => {
  it("keeps every upper-committee step from a branch admin, and writes nothing", async () => {
    const w = await world();
    const { caseId } = await walk(w, until(w, "activist_filing"));
    const before = await verifyBranchChain(w.tc);
    for (const def of STEPS.filter((s) => s.recordedBy === "upper")) {
      const step = w.path.find((s) => s.step === def.code)!;
      const r = await w.call(`${w.cases}/${caseId}/steps`, { role: "branch_admin", body: step });
      expect(r.status, def.code).toBe(403);
      expect(r.body.code).toBe("forbidden");
    }
    expect((await verifyBranchChain(w.tc)).length).toBe(before.length);
    const filing = w.path.find((s) => s.step === "activist_filing")!;
    const upper = await w.call(`${w.cases}/${caseId}/steps`, { role: "district_admin", body: filing });
    expect(upper.status).toBe(201);
    expect(upper.body).toMatchObject({ recordedRole: "district_admin", step: "activist_filing" });
  });

  it("lets an auditor read but not write", async () => {
    const w = await world();
    const { caseId } = await walk(w, until(w, "activist_designation"));
    expect((await w.call(`${w.cases}/${caseId}`, { role: "auditor" })).status).toBe(200);
    expect((await w.call(`${w.cases}/${caseId}/timeline`, { role: "auditor" })).status).toBe(200);
    const designation = w.path.find((s) => s.step === "activist_designation")!;
    expect((await w.call(`${w.cases}/${caseId}/steps`, { role: "auditor", body: designation })).status).toBe(
      403,
    );
    expect(
      (
        await w.call(`${w.cases}/${caseId}/complaints`, {
          role: "auditor",
          body: { receivedOn: "2023-04-01", summary: "x" },
        })
      ).status,
    ).toBe(403);
  });

  it("lets a member key read its own case only, without the complaints about them", async () => {
    const w = await world();
    const mine = await walk(w, until(w, "candidate_designation"));
    const other = await walk(w, until(w, "activist_designation"));
    await w.call(`${w.cases}/${mine.caseId}/complaints`, {
      body: { receivedOn: "2024-04-01", summary: "来信反映情况" },
    });
    const principal = principalFor("member", w.ref, mine.memberId);
    const own = await w.call(`${w.cases}/${mine.caseId}`, { principal });
    expect(own.status).toBe(200);
    expect(own.body.memberId).toBe(mine.memberId);
    expect((await w.call(`${w.cases}/${other.caseId}`, { principal })).status).toBe(404);
    expect((await w.call(`${w.cases}/${other.caseId}/timeline`, { principal })).status).toBe(404);
    const list = await w.call(w.cases, { principal });
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([mine.caseId]);
    const timeline = await w.call(`${w.cases}/${mine.caseId}/timeline?limit=200`, { principal });
    expect(timeline.body.items.every((e: { kind: string }) => e.kind === "step")).toBe(true);
    expect((await w.call(`${w.cases}/${mine.caseId}/complaints`, { principal })).status).toBe(403);
    const step = w.path.find((s) => s.step === "candidate_designation")!;
    expect((await w.call(`${w.cases}/${mine.caseId}/steps`, { principal, body: step })).status).toBe(403);
  });

  it("shows another branch — on either shard — none of these cases", async () => {
    const w = await world({ shard: 1 });
    const { caseId } = await walk(w, until(w, "activist_designation"));
    const elsewhere = await world({ shard: 0 });
    const theirs = await world({ shard: 1 });
    for (const intruder of [elsewhere, theirs]) {
      // the api worker resolves the other branch: the path names this one, so the module refuses it
      const byPath = await intruder.call(`${w.cases}/${caseId}`);
      expect(byPath.status).toBe(404);
      // the case id asked of the intruder's own branch is simply not there
      const byId = await intruder.call(`${intruder.cases}/${caseId}`);
      expect(byId.status).toBe(404);
      const step = w.path.find((s) => s.step === "activist_designation")!;
      expect((await intruder.call(`${intruder.cases}/${caseId}/steps`, { body: step })).status).toBe(404);
      expect((await intruder.call(intruder.cases)).body.items).toEqual([]);
    }
  });

  it("records one step for a retried POST with the same Idempotency-Key", async () => {
    const w = await world();
    const { caseId } = await walk(w, until(w, "activist_designation"));
    const designation = w.path.find((s) => s.step === "activist_designation")!;
    const post = (body: StepRecord, key: string) =>
      w.call(`${w.cases}/${caseId}/steps`, { body, headers: { "Idempotency-Key": key } });
    const first = await post(designation, "designate-1");
    const retry = await post(designation, "designate-1");
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    expect(retry.body.id).toBe(first.body.id);
    const reused = await post({ ...designation, occurredOn: "2023-04-16" }, "designate-1");
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe("idempotency_key_reused");
    const timeline = await w.call(`${w.cases}/${caseId}/timeline`);
    expect(
      timeline.body.items.filter((e: { step: string }) => e.step === "activist_designation"),
    ).toHaveLength(1);
  });

  it("lets only one of two concurrent identical steps through", async () => {
    const w = await world();
    const { caseId, memberId } = await walk(w, until(w, "activist_designation"));
    const designation = w.path.find((s) => s.step === "activist_designation")!;
    const replies = await Promise.all(
      [1, 2, 3].map(() => w.call(`${w.cases}/${caseId}/steps`, { body: designation })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, 422, 422]);
    expect(
      replies.filter((r) => r.status === 422).every((r) => r.body.errors[0].rule === "stage_mismatch"),
    ).toBe(true);
    const events = await w.tc.shard.d1
      .prepare(
        "SELECT count(*) AS n FROM events WHERE scope_id = ? AND action = 'member.status_changed' AND subject_id = ?",
      )
      .bind(w.ref.branchId, memberId)
      .first<{ n: number }>();
    expect(events!.n).toBe(1);
  });

  it("answers 422 when the person has transferred out, leaving the copy here unchanged", async () => {
    const w = await world();
    const { caseId, memberId } = await walk(w, until(w, "activist_designation"));
    await w.tc.shard.d1
      .prepare(
        "UPDATE members SET left_on = '2023-04-10', left_reason = 'transferred_out' WHERE branch_id = ? AND id = ?",
      )
      .bind(w.ref.branchId, memberId)
      .run();
    const designation = w.path.find((s) => s.step === "activist_designation")!;
    const r = await w.call(`${w.cases}/${caseId}/steps`, { body: designation });
    expect(r.status).toBe(422);
    expect(r.body.errors[0].rule).toBe("member_left");
    expect((await w.call(w.cases)).body.items).toEqual([]);
  });
});

describe("the district's rule set", () => {
  it("starts at the defaults, publishes versions, refuses stale writers, and steps cite the version", async () => {
    const w = await world();
    const rules = `/v1/districts/${w.ref.districtId}/development/rules`;
    const current = await w.call(rules, { role: "district_admin" });
    expect(current.body).toMatchObject({ version: 0, rules: { publicityWorkingDays: 5, introducers: 2 } });
    expect((await w.call(rules, { role: "auditor" })).status).toBe(200);
    const stricter = { ...current.body.rules, publicityWorkingDays: 7 };
    const put = (version: number, role: "district_admin" | "branch_admin" = "district_admin") =>
      w.call(rules, { role, method: "PUT", body: { version, rules: stricter } });
    expect((await put(0, "branch_admin")).status).toBe(403);
    expect((await put(0)).body).toMatchObject({ version: 1, rules: { publicityWorkingDays: 7 } });
    expect((await put(0)).status).toBe(409);
    const inverted = await w.call(rules, {
      role: "district_admin",
      method: "PUT",
      body: { version: 1, rules: { ...stricter, contacts: { min: 2, max: 1 } } },
    });
    expect(inverted.status).toBe(422);

    const { caseId } = await walk(w, until(w, "pre_review"));
    const timeline = await w.call(`${w.cases}/${caseId}/timeline?limit=200`);
    expect(timeline.body.items.every((e: { ruleSetVersion: number }) => e.ruleSetVersion === 1)).toBe(true);
    // five working days no longer do under the district's seven
    const preReview = w.path.find((s) => s.step === "pre_review")!;
    const r = await w.call(`${w.cases}/${caseId}/steps`, { role: "district_admin", body: preReview });
    expect(r.status).toBe(422);
    expect(r.body.errors[0]).toMatchObject({
      rule: "publicity_too_short",
      facts: { workingDays: 5, required: 7 },
    });
  });
});

describe("party sanctions", () => {
  it("apply to party members of the branch only", async () => {
    const w = await world();
    const activist = await memberFixture(w.tc, { name: "积极分子", status: "activist", joinedOn: null });
    const sanctions = `/v1/branches/${w.ref.branchId}/development/sanctions`;
    const r = await w.call(sanctions, {
      body: { memberId: activist.id, kind: "warning", decidedOn: "2025-01-01" },
    });
    expect(r.status).toBe(422);
    expect(r.body.errors[0].rule).toBe("sanction_member_not_party_member");
    const ok = await w.call(sanctions, {
      body: { memberId: w.people.intro1, kind: "serious_warning", decidedOn: "2025-01-01" },
    });
    expect(ok.status).toBe(201);
    const list = await w.call(`${sanctions}?memberId=${w.people.intro1}`, { role: "auditor" });
    expect(list.body.items).toMatchObject([{ kind: "serious_warning", memberId: w.people.intro1 }]);
  });
});
