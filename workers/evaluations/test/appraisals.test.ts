import { memberFixture } from "@vanguard/testing/fixtures";
import { describe, expect, it } from "vitest";
import { branchWithCommittee, eventCount, thisYear } from "./harness";

async function opened(others = 3) {
  const t = await branchWithCommittee({ others });
  const res = await t.call(`${t.b}/appraisals`, { body: { year: thisYear() - 1 } });
  expect(res.status).toBe(201);
  return { t, a: res.body as { id: string; grades: { memberId: string }[] } };
}

describe("民主评议 appraisal", () => {
  it("grades every member, caps excellent at a third at finalize, then freezes", async () => {
    const { t, a } = await opened(3);
    expect(a.grades).toHaveLength(6);
    const everyone = [t.secretary, t.organization, t.propaganda, ...t.others];
    const grade = (memberId: string, grade: string, comment?: string) =>
      t.call(`${t.b}/appraisals/${a.id}/grades/${memberId}`, { method: "PUT", body: { grade, comment } });
    // three excellent of six: over the limit of two
    for (const [i, m] of everyone.entries()) await grade(m, i < 3 ? "excellent" : "qualified");
    const events = await eventCount(t);
    const over = await t.call(`${t.b}/appraisals/${a.id}/finalize`, { body: {} });
    expect(over.status).toBe(422);
    expect(over.body.errors[0]).toMatchObject({
      rule: "appraisal_excellent_over_limit",
      facts: { excellent: 3, appraised: 6, limit: 2, share: "1/3" },
    });
    expect(await eventCount(t)).toBe(events);
    expect((await t.call(`${t.b}/appraisals/${a.id}`)).body.status).toBe("open");

    const noReason = await grade(everyone[5]!, "unqualified");
    expect(noReason.body.errors[0].rule).toBe("appraisal_unqualified_reason_missing");
    expect((await grade(everyone[2]!, "basically_qualified", "组织生活缺席较多")).status).toBe(200);
    const done = await t.call(`${t.b}/appraisals/${a.id}/finalize`, { body: {} });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: "finalized",
      appraised: 6,
      excellentLimit: 2,
      ruleSetVersion: 0,
      counts: { excellent: 2, qualified: 3, basically_qualified: 1, unqualified: 0, ungraded: 0 },
    });
    const late = await grade(everyone[3]!, "excellent");
    expect(late.status).toBe(422);
    expect(late.body.errors[0].rule).toBe("appraisal_finalized");
    expect((await t.call(`${t.b}/appraisals/${a.id}/finalize`, { body: {} })).body.errors[0].rule).toBe(
      "appraisal_finalized",
    );
  });

  it("never lets a member grade themself; members' mutual votes are secret ballots, counted but not shown while open", async () => {
    const { t, a } = await opened(2);
    const [x, y] = t.others as [string, string];
    const self = await t.call(`${t.b}/appraisals/${a.id}/grades/${x}`, {
      memberId: x,
      method: "PUT",
      body: { grade: "excellent" },
    });
    expect(self.status).toBe(422);
    expect(self.body.errors[0]).toMatchObject({ rule: "appraisal_self_grading", facts: { memberId: x } });
    const vote = (rater: string, ratee: string, grade: string) =>
      t.call(`${t.b}/appraisals/${a.id}/grades/${ratee}`, {
        memberId: rater,
        method: "PUT",
        body: { grade },
      });
    expect((await vote(x, y, "excellent")).body).toMatchObject({ by: "mutual", grade: null });
    await vote(t.secretary, y, "excellent");
    // a ballot is secret and final: a second one is refused
    expect((await vote(t.secretary, y, "qualified")).body.errors[0].rule).toBe("appraisal_vote_cast");
    await vote(t.organization, y, "qualified");
    const withComment = await t.call(`${t.b}/appraisals/${a.id}/grades/${y}`, {
      memberId: x,
      method: "PUT",
      body: { grade: "excellent", comment: "很好" },
    });
    expect(withComment.status).toBe(400);
    const full = await t.call(`${t.b}/appraisals/${a.id}`);
    const line = full.body.grades.find((g: { memberId: string }) => g.memberId === y);
    // the counts stay in the box until finalize
    expect(line).toMatchObject({ grade: null, mutual: null });
    const own = await t.call(`${t.b}/appraisals/${a.id}`, { memberId: y });
    expect(own.body.grades.map((g: { memberId: string }) => g.memberId)).toEqual([y]);
    // the committee's grade is the member's grade; the district does not give it
    const byDistrict = await t.call(`${t.b}/appraisals/${a.id}/grades/${y}`, {
      role: "district_admin",
      method: "PUT",
      body: { grade: "excellent" },
    });
    expect(byDistrict.status).toBe(403);
    const ungraded = await t.call(`${t.b}/appraisals/${a.id}/finalize`, { body: {} });
    expect(ungraded.body.errors[0]).toMatchObject({ rule: "appraisal_grades_missing" });
    expect(ungraded.body.errors[0].facts.memberIds).toHaveLength(5);
  });

  it("opens once a year for past and current years only", async () => {
    const { t } = await opened(0);
    const dup = await t.call(`${t.b}/appraisals`, { body: { year: thisYear() - 1 } });
    expect(dup.status).toBe(409);
    const future = await t.call(`${t.b}/appraisals`, { body: { year: thisYear() + 1 } });
    expect(future.body.errors[0].rule).toBe("appraisal_year_future");
    const list = await t.call(`${t.b}/appraisals`, { role: "auditor" });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ appraised: 3, excellentLimit: 1, counts: { ungraded: 3 } });
  });

  it("grades those who were party members in that year", async () => {
    const t = await branchWithCommittee({ others: 0 });
    const newcomer = await memberFixture(t.tc, {
      name: "新党员",
      status: "probationary",
      joinedOn: `${thisYear()}-03-01`,
    });
    await memberFixture(t.tc, { name: "积极分子", status: "activist", joinedOn: null });
    const last = await t.call(`${t.b}/appraisals`, { body: { year: thisYear() - 1 } });
    expect(last.body.grades.map((g: { name: string }) => g.name).sort()).toEqual(
      ["张宣传", "李组织", "王书记"].sort(),
    );
    const current = await t.call(`${t.b}/appraisals`, { body: { year: thisYear() } });
    expect(current.body.grades.map((g: { memberId: string }) => g.memberId)).toContain(newcomer.id);
    expect(current.body.grades).toHaveLength(4);
  });
});
