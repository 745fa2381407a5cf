import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  APPRAISAL_GRADES,
  type AppraisalGrade,
  checkAppraisalYear,
  checkFinalize,
  checkGrade,
  excellentLimit,
  gradeCounts,
  mutualTally,
  onRoll,
} from "./appraisal";
import { DEFAULT_EVALUATION_RULES } from "./rules";

const rules = DEFAULT_EVALUATION_RULES;
const grade = {
  status: "open" as const,
  raterMemberId: null,
  rateeId: "mb_a",
  isParticipant: true,
  grade: "qualified" as const,
  comment: null,
  byCommittee: true,
};

describe("民主评议", () => {
  it("caps excellent grades at a third of those appraised", () => {
    expect([1, 2, 3, 5, 6, 10, 12].map((n) => excellentLimit(n, rules))).toEqual([0, 0, 1, 1, 2, 3, 4]);
    const grades = (n: number, excellent: number) =>
      Array.from({ length: n }, (_, i) => ({
        memberId: `mb_${i}`,
        grade: (i < excellent ? "excellent" : "qualified") as AppraisalGrade,
      }));
    expect(checkFinalize("open", grades(9, 3), rules)).toEqual([]);
    expect(checkFinalize("open", grades(9, 4), rules)[0]).toMatchObject({
      rule: "appraisal_excellent_over_limit",
      facts: { excellent: 4, appraised: 9, limit: 3 },
    });
  });

  it("finalizes only when everyone is graded, and only once", () => {
    const r = checkFinalize(
      "open",
      [
        { memberId: "mb_a", grade: "qualified" },
        { memberId: "mb_b", grade: null },
      ],
      rules,
    );
    expect(r).toMatchObject([{ rule: "appraisal_grades_missing", facts: { memberIds: ["mb_b"] } }]);
    expect(checkFinalize("finalized", [], rules)[0]!.rule).toBe("appraisal_finalized");
  });

  it("never lets anyone grade themself, and wants a reason for unqualified", () => {
    expect(checkGrade(grade)).toEqual([]);
    expect(checkGrade({ ...grade, raterMemberId: "mb_a" })[0]!.rule).toBe("appraisal_self_grading");
    expect(checkGrade({ ...grade, raterMemberId: "mb_b", byCommittee: false, raterOnRoll: true })).toEqual(
      [],
    );
    expect(
      checkGrade({ ...grade, raterMemberId: "mb_b", byCommittee: false, raterOnRoll: false })[0]!.rule,
    ).toBe("appraisal_rater_not_participant");
    expect(checkGrade({ ...grade, grade: "unqualified" })[0]!.rule).toBe(
      "appraisal_unqualified_reason_missing",
    );
    expect(checkGrade({ ...grade, grade: "unqualified", comment: "长期不参加组织生活" })).toEqual([]);
    expect(checkGrade({ ...grade, isParticipant: false })[0]!.rule).toBe("appraisal_not_participant");
    expect(checkGrade({ ...grade, status: "finalized" })[0]!.rule).toBe("appraisal_finalized");
  });

  it("appraises past and current years only", () => {
    expect(checkAppraisalYear(2026, "2026-11-27")).toEqual([]);
    expect(checkAppraisalYear(2027, "2026-11-27")[0]!.rule).toBe("appraisal_year_future");
  });

  it("tallies mutual votes", () => {
    expect(mutualTally([{ grade: "excellent" }, { grade: "qualified" }, { grade: "excellent" }])).toEqual({
      excellent: 2,
      qualified: 1,
      basically_qualified: 0,
      unqualified: 0,
    });
  });

  it("accepts any grading within the limit and refuses any above it", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...APPRAISAL_GRADES), { minLength: 1, maxLength: 60 }), (gs) => {
        const grades = gs.map((g, i) => ({ memberId: `mb_${i}`, grade: g }));
        const excellent = gs.filter((g) => g === "excellent").length;
        const over = checkFinalize("open", grades, rules).some(
          (f) => f.rule === "appraisal_excellent_over_limit",
        );
        expect(over).toBe(excellent * 3 > gs.length);
      }),
    );
  });
});

describe("the appraisal roll", () => {
  it("counts those still in the branch and anyone already graded", () => {
    const lines = [
      { left: false, grade: null },
      { left: true, grade: null },
      { left: true, grade: "qualified" as const },
      { left: false, grade: "excellent" as const },
    ];
    const counted = lines.filter(onRoll);
    expect(counted).toHaveLength(3);
    expect(gradeCounts(counted)).toEqual({
      excellent: 1,
      qualified: 1,
      basically_qualified: 0,
      unqualified: 0,
      ungraded: 1,
    });
  });
});

describe("secret ballots", () => {
  it("refuse a second mutual ballot on the same member: a cast ballot cannot be taken back", () => {
    const vote = {
      status: "open" as const,
      raterMemberId: "mb_a",
      rateeId: "mb_b",
      isParticipant: true,
      grade: "excellent" as const,
      comment: null,
      byCommittee: false,
      raterOnRoll: true,
    };
    expect(checkGrade(vote)).toEqual([]);
    expect(checkGrade({ ...vote, alreadyVoted: true }).map((f) => f.rule)).toEqual(["appraisal_vote_cast"]);
    // the committee's grade is not a ballot and may be corrected until finalize
    expect(checkGrade({ ...vote, byCommittee: true, raterMemberId: null, alreadyVoted: true })).toEqual([]);
  });
});
