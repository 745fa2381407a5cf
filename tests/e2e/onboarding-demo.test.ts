import { describe, expect, it } from "vitest";
import { demoDistrict } from "../support/demo";
import { type Json, must } from "../support/http";

describe("the demo district's development pipeline", () => {
  it("has cases in every stage, one held by a complaint and one overdue for its talk", async () => {
    const demo = await demoDistrict();
    const econ = demo.keys.branches.econ!;
    const cases = `/v1/branches/${econ.branchId}/development/cases`;
    const list = await must("GET", `${cases}?limit=200`, { key: econ.branchAdmin });
    expect(new Set(list.items.map((c: { stage: string }) => c.stage))).toEqual(
      new Set(["applicant", "activist", "candidate", "probationary", "full", "closed"]),
    );
    const views: Json[] = await Promise.all(
      list.items.map((c: { id: string }) => must("GET", `${cases}/${c.id}`, { key: demo.keys.auditor })),
    );
    const held = views.find((v) => v.openComplaints > 0);
    expect(held.stage).toBe("activist");
    expect(held.nextSteps.find((n: Json) => n.step === "candidate_designation")).toMatchObject({
      allowed: false,
      blockers: [{ rule: "open_mass_complaints" }],
    });
    const overdue = views.filter((v) => v.overdue.some((o: Json) => o.rule === "application_talk_overdue"));
    expect(overdue).toHaveLength(1);
    const full = views.find((v) => v.stage === "full");
    expect(full.completedSteps).toHaveLength(25);
    expect(full.member.status).toBe("full");
    expect(
      await must("GET", `/v1/branches/${econ.branchId}/events/verify`, { key: demo.keys.auditor }),
    ).toMatchObject({
      ok: true,
    });
  });
});
