import { memberFixture } from "@vanguard/testing/fixtures";
import { describe, expect, it } from "vitest";
import { world } from "./harness";

const nextYear = new Date().getUTCFullYear() + 1;
const HEADER =
  "姓名,性别,出生日期,递交入党申请书,党组织派人谈话,确定入党积极分子,上级党委备案,指定培养联系人,培养教育考察,确定发展对象,材料";

describe("importing development cases under way", () => {
  it("records the steps as imported history and judges the next step normally", async () => {
    const w = await world();
    const onRoll = await memberFixture(w.tc, {
      name: "已在册积极分子",
      birthDate: "1997-02-02",
      status: "activist",
      joinedOn: null,
    });
    const file = [
      HEADER,
      // a candidate designated 8 months after becoming an activist: history, not re-judged
      "周明,男,1999-05-01,2025-09-01,2025-09-15,2026-03-27,2026-04-01,2026-04-02,2026-09-20,2026-11-20,入党申请书=SQ-2025-07；思想汇报=SX-01",
      // someone already on the roll, at the activist stage, with two reviews in one cell
      `${onRoll.name},,1997-02-02,2024-01-05,2024-01-20,2024-03-01,2024-03-05,2024-03-06,2024-09-01；2025-03-01,,`,
      "吴序,男,1998-01-01,2025-09-01,,2025-10-01,,,,,", // 4: activist without the talk: out of order
      `郑未,女,1998-01-01,${nextYear}-01-01,,,,,,,`, // 5: after today
      "王不在,,1990-01-01,2025-01-01,,,,,,,", // 6: not on the roll, no gender to add them
    ].join("\n");
    const path = `${w.cases}/import`;
    const send = (q = "", role: "district_admin" | "branch_admin" = "district_admin") =>
      w.call(`${path}${q}`, { role, raw: file, headers: { "content-type": "text/csv" } });

    const preview = await send("?dryRun=true");
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, created: 2 });
    expect((await w.call(w.cases)).body.items).toEqual([]);

    // a branch admin may not import the upper committee's steps
    const byBranch = await send("", "branch_admin");
    expect(byBranch.body.created).toBe(0);
    expect(byBranch.body.rejected.find((r: { line: number }) => r.line === 2).errors[0].rule).toBe(
      "upper_committee_step",
    );

    const r = await send();
    expect(r.body).toMatchObject({ created: 2, unchanged: 0 });
    expect(
      r.body.rejected.map((x: { line: number; errors: { rule?: string; path?: string }[] }) => [
        x.line,
        x.errors.map((e) => e.rule ?? e.path),
      ]),
    ).toEqual([
      [4, ["procedure_incomplete"]],
      [5, ["step_date_in_future"]],
      [6, ["person_not_on_roll", "gender"]],
    ]);
    const zhou = r.body.cases.find((k: { line: number }) => k.line === 2);
    expect(zhou.stage).toBe("candidate");

    const got = await w.call(`${w.cases}/${zhou.caseId}`);
    expect(got.body).toMatchObject({ stage: "candidate", member: { name: "周明", status: "candidate" } });
    const vote = got.body.nextSteps.find((n: { step: string }) => n.step === "political_review");
    expect(vote.allowed).toBe(true);
    const timeline = await w.call(`${w.cases}/${zhou.caseId}/timeline`);
    const steps = timeline.body.items.filter((e: { kind: string }) => e.kind === "step");
    expect(steps).toHaveLength(7);
    expect(steps.every((e: { imported: boolean }) => e.imported)).toBe(true);
    expect(steps[0].documents).toEqual([
      { title: "入党申请书", ref: "SQ-2025-07" },
      { title: "思想汇报", ref: "SX-01" },
    ]);

    // the case goes on through the pipeline: the next steps are recorded live and judged
    const filed = await w.call(`${w.cases}/${zhou.caseId}/steps`, {
      role: "district_admin",
      body: { step: "candidate_filing", occurredOn: "2026-11-21", data: {} },
    });
    expect(filed.status).toBe(201);
    expect(filed.body.importedFrom).toBeNull();

    // the activist on the roll moved on with their case; their reviews both landed
    const activist = r.body.cases.find((k: { line: number }) => k.line === 3);
    const a = await w.call(`${w.cases}/${activist.caseId}`);
    expect(a.body).toMatchObject({ stage: "activist", member: { status: "activist" } });
    const reviews = (await w.call(`${w.cases}/${activist.caseId}/timeline`)).body.items.filter(
      (e: { step?: string }) => e.step === "cultivation_review",
    );
    expect(reviews.map((e: { on: string }) => e.on)).toEqual(["2024-09-01", "2025-03-01"]);
    // designating the candidate is judged now: no party-knowledge training is on record
    const designate = a.body.nextSteps.find((n: { step: string }) => n.step === "candidate_designation");
    expect(designate.blockers.map((b: { rule: string }) => b.rule)).toContain("no_basic_training");

    // a rerun creates nothing twice
    const again = await send();
    expect(again.body).toMatchObject({ created: 0, unchanged: 2 });
    expect((await w.call(w.cases)).body.items).toHaveLength(2);
  });

  it("refuses a second open case for a person", async () => {
    const w = await world();
    const opened = await w.call(w.cases, {
      body: { person: { name: "冯已开", gender: "male", birthDate: "1996-06-06" }, appliedOn: "2026-01-10" },
    });
    expect(opened.status).toBe(201);
    const r = await w.call(`${w.cases}/import`, {
      role: "district_admin",
      raw: "姓名,出生日期,递交入党申请书\n冯已开,1996-06-06,2025-01-01\n",
      headers: { "content-type": "text/csv" },
    });
    expect(r.body.rejected).toMatchObject([{ line: 2, errors: [{ rule: "case_already_open" }] }]);
  });
});
