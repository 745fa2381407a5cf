import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkInspectionPeriod,
  checkReviewable,
  checkSelfAssessable,
  checkSubmit,
  inspectionNotSubmitted,
} from "./inspection-lifecycle";
import { planReview, type ReviewedItemInput } from "./inspection-review";
import { checkItemScore, gradeFor, inspectionTotals } from "./inspection-scoring";
import { checkTemplate, checkTemplateInUse, templateMaxTotal } from "./inspection-template";
import { DEFAULT_EVALUATION_RULES } from "./rules";

const rules = DEFAULT_EVALUATION_RULES;

describe("inspection templates and scores", () => {
  it("refuses duplicate item codes and sums the maximum", () => {
    const items = [
      { code: "dues", title: "党费", maxScore: 10 },
      { code: "meetings", title: "三会一课", maxScore: 20.5 },
    ];
    expect(checkTemplate(items)).toEqual([]);
    expect(templateMaxTotal(items)).toBe(30.5);
    expect(checkTemplate([...items, { code: "dues", title: "again", maxScore: 1 }])[0]).toMatchObject({
      rule: "template_duplicate_code",
      facts: { codes: ["dues"] },
    });
  });

  it("starts nothing new from a retired template", () => {
    expect(checkTemplateInUse({ id: "it_1", retiredAt: null })).toEqual([]);
    expect(checkTemplateInUse({ id: "it_1", retiredAt: "2026-11-01T00:00:00Z" })).toMatchObject([
      { rule: "template_retired", facts: { templateId: "it_1", retiredAt: "2026-11-01T00:00:00Z" } },
    ]);
  });

  it("wants a score in range and a reason for every lost point", () => {
    expect(checkItemScore({ code: "a", maxScore: 10, score: 10, deductionReason: null })).toEqual([]);
    expect(checkItemScore({ code: "a", maxScore: 10, score: 11, deductionReason: "x" })[0]!.rule).toBe(
      "inspection_score_out_of_range",
    );
    expect(checkItemScore({ code: "a", maxScore: 10, score: -1, deductionReason: "x" })[0]!.rule).toBe(
      "inspection_score_out_of_range",
    );
    expect(checkItemScore({ code: "a", maxScore: 10, score: 8.5, deductionReason: "" })[0]!.rule).toBe(
      "inspection_deduction_reason_missing",
    );
    expect(checkItemScore({ code: "a", maxScore: 10, score: 8.5, deductionReason: "少开一次" })).toEqual([]);
  });

  it("totals to one decimal and grades by the district's bands", () => {
    const t = inspectionTotals([
      { code: "a", maxScore: 60, score: 55.5 },
      { code: "b", maxScore: 30, score: 29.9 },
      { code: "c", maxScore: 10, score: null },
    ]);
    expect(t).toEqual({ maxTotal: 100, total: 85.4, deducted: 4.6, unscored: ["c"], percent: 85.4 });
    expect(gradeFor(95, rules.inspection.bands)).toBe("excellent");
    expect(gradeFor(90, rules.inspection.bands)).toBe("excellent");
    expect(gradeFor(89.9, rules.inspection.bands)).toBe("good");
    expect(gradeFor(60, rules.inspection.bands)).toBe("qualified");
    expect(gradeFor(12, rules.inspection.bands)).toBe("unqualified");
  });

  it("never totals above the maximum or below zero for in-range scores", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 300 })), {
          maxLength: 40,
        }),
        (pairs) => {
          const items = pairs.map(([max, s], i) => ({
            code: `i${i}`,
            maxScore: max / 10,
            score: Math.min(s, max) / 10,
          }));
          const t = inspectionTotals(items);
          expect(t.total).toBeGreaterThanOrEqual(0);
          expect(t.total).toBeLessThanOrEqual(t.maxTotal);
          expect(t.deducted).toBeCloseTo(t.maxTotal - t.total, 5);
        },
      ),
    );
  });
});

describe("the inspection lifecycle", () => {
  it("lets the branch edit only its draft, and freezes a reviewed inspection", () => {
    expect(checkSelfAssessable("draft")).toEqual([]);
    expect(checkSelfAssessable("submitted")[0]!.rule).toBe("inspection_already_submitted");
    expect(checkSelfAssessable("reviewed")[0]!.rule).toBe("inspection_reviewed_frozen");
    expect(checkReviewable("submitted")).toEqual([]);
    expect(checkReviewable("draft")[0]!.rule).toBe("inspection_not_submitted");
    expect(checkReviewable("reviewed")[0]!.rule).toBe("inspection_reviewed_frozen");
  });

  it("refuses a quarter that has not begun", () => {
    expect(checkInspectionPeriod("2026-Q4", "2026-11-27")).toEqual([]);
    expect(checkInspectionPeriod("2026-Q3", "2026-11-27")).toEqual([]);
    expect(checkInspectionPeriod("2027-Q1", "2026-11-27")[0]!.rule).toBe("inspection_period_future");
  });

  it("submits only when every item is scored and every deduction explained", () => {
    const items = [
      { code: "a", maxScore: 10, score: 10, deductionReason: null },
      { code: "b", maxScore: 10, score: null, deductionReason: null },
      { code: "c", maxScore: 10, score: 7, deductionReason: null },
    ];
    expect(checkSubmit("draft", items).map((f) => [f.rule, f.facts.codes ?? f.facts.code])).toEqual([
      ["inspection_items_unscored", ["b"]],
      ["inspection_deduction_reason_missing", "c"],
    ]);
    expect(checkSubmit("draft", [items[0]!])).toEqual([]);
  });

  it("flags a quarter not submitted within the grace period, for the audits worker", () => {
    const late = inspectionNotSubmitted({ period: "2026-Q3", status: null }, "2026-10-16", rules);
    expect(late).toMatchObject({
      rule: "inspection_not_submitted_in_time",
      severity: "warning",
      facts: { dueBy: "2026-10-15" },
    });
    expect(
      inspectionNotSubmitted({ period: "2026-Q3", status: "draft" }, "2026-10-16", rules),
    ).not.toBeNull();
    expect(inspectionNotSubmitted({ period: "2026-Q3", status: null }, "2026-10-15", rules)).toBeNull();
    expect(
      inspectionNotSubmitted({ period: "2026-Q3", status: "submitted" }, "2027-01-01", rules),
    ).toBeNull();
  });
});

describe("the district's review and who answers for lost points", () => {
  const posts = [
    { memberId: "mb_sec", post: "secretary" },
    { memberId: "mb_org", post: "organization" },
    { memberId: "mb_pro", post: "propaganda" },
  ];
  const members = new Set(["mb_sec", "mb_org", "mb_pro", "mb_x"]);
  const item = (code: string, over: Partial<ReviewedItemInput> = {}): ReviewedItemInput => ({
    code,
    maxScore: 10,
    ownerPost: null,
    selfScore: 10,
    selfReason: null,
    nomineeId: null,
    ...over,
  });
  const review = (items: ReviewedItemInput[], entries: Parameters<typeof planReview>[0]["entries"] = []) =>
    planReview({ items, entries, posts, isMember: (id) => members.has(id) });

  it("keeps the branch's scores where the district gives none, and blames the owner post", () => {
    const r = review([
      item("dues", { ownerPost: "organization", selfScore: 8, selfReason: "两人欠缴" }),
      item("study", { ownerPost: "propaganda" }),
    ]);
    expect(r.failures).toEqual([]);
    expect(r.items).toEqual([
      {
        code: "dues",
        finalScore: 8,
        deducted: 2,
        deductionReason: "两人欠缴",
        responsibleMemberId: "mb_org",
        responsiblePost: "organization",
        responsibleVia: "owner_post",
      },
      {
        code: "study",
        finalScore: 10,
        deducted: 0,
        deductionReason: null,
        responsibleMemberId: null,
        responsiblePost: null,
        responsibleVia: null,
      },
    ]);
  });

  it("lets the district deduct more, override the responsible member, and falls back to the secretary", () => {
    const r = review(
      [
        item("study", { ownerPost: "propaganda" }),
        item("integrity", { ownerPost: "discipline" }),
        item("records", { ownerPost: "propaganda", selfScore: 9, selfReason: "缺页", nomineeId: "mb_x" }),
      ],
      [
        { code: "study", score: 7, deductionReason: "党课记录不全", responsibleMemberId: "mb_sec" },
        { code: "integrity", score: 9, deductionReason: "廉政谈话未记录" },
      ],
    );
    expect(r.failures).toEqual([]);
    expect(r.items.map((i) => [i.code, i.deducted, i.responsibleMemberId, i.responsibleVia])).toEqual([
      ["study", 3, "mb_sec", "district"],
      ["integrity", 1, "mb_sec", "secretary"],
      ["records", 1, "mb_x", "branch"],
    ]);
  });

  it("refuses a deduction without a reason, an unknown item, a stranger and a vacant committee", () => {
    const r = review(
      [item("a", { ownerPost: "propaganda" }), item("b")],
      [
        { code: "a", score: 5 },
        { code: "b", score: 5, deductionReason: "x", responsibleMemberId: "mb_stranger" },
        { code: "zzz", score: 1 },
      ],
    );
    expect(r.failures.map((f) => f.rule)).toEqual([
      "inspection_item_unknown",
      "inspection_deduction_reason_missing",
      "responsible_not_member",
    ]);
    const nobody = planReview({
      items: [item("a", { selfScore: 5, selfReason: "x" })],
      entries: [],
      posts: [],
      isMember: () => true,
    });
    expect(nobody.failures.map((f) => f.rule)).toEqual(["responsible_unassigned"]);
    const two = planReview({
      items: [item("a", { ownerPost: "member", selfScore: 5, selfReason: "x" })],
      entries: [],
      posts: [
        { memberId: "m1", post: "member" },
        { memberId: "m2", post: "member" },
      ],
      isMember: () => true,
    });
    expect(two.failures.map((f) => f.rule)).toEqual(["responsible_ambiguous"]);
  });
});
