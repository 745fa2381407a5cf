import { describe, expect, it } from "vitest";
import { checkAward, checkModelPost, checkModelPostAward } from "./honours";
import { checkReportReviewable, checkSecretaryReport } from "./secretary-report";

describe("model posts and awards", () => {
  const base = { memberStatus: "full" as const, year: 2026, today: "2026-11-27" };

  it("honour party members of past or current years", () => {
    expect(checkModelPost(base)).toEqual([]);
    expect(checkModelPost({ ...base, memberStatus: "activist" })[0]!.rule).toBe("honour_party_members_only");
    expect(checkModelPost({ ...base, memberStatus: null })[0]!.rule).toBe("honour_party_members_only");
    expect(checkModelPost({ ...base, year: 2027 })[0]!.rule).toBe("honour_year_future");
    expect(checkModelPostAward("nominated")).toEqual([]);
    expect(checkModelPostAward("awarded")[0]!.rule).toBe("model_post_already_awarded");
  });

  it("do not award a member graded below qualified that year", () => {
    expect(checkAward({ ...base, appraisalGrade: null })).toEqual([]);
    expect(checkAward({ ...base, appraisalGrade: "excellent" })).toEqual([]);
    expect(checkAward({ ...base, appraisalGrade: "basically_qualified" })[0]!.rule).toBe(
      "award_appraisal_grade",
    );
  });
});

describe("the secretary's annual report", () => {
  const base = { year: 2025, deliveredOn: "2026-01-15", today: "2026-11-27", reporterPosts: ["secretary"] };

  it("is the secretary's, delivered in season", () => {
    expect(checkSecretaryReport(base)).toEqual([]);
    expect(checkSecretaryReport({ ...base, deliveredOn: "2025-12-20" })).toEqual([]);
    expect(checkSecretaryReport({ ...base, reporterPosts: ["organization"] })[0]!.rule).toBe(
      "secretary_report_not_secretary",
    );
    expect(checkSecretaryReport({ ...base, deliveredOn: "2026-04-01" })[0]!.rule).toBe(
      "secretary_report_out_of_season",
    );
    expect(checkSecretaryReport({ ...base, year: 2026, deliveredOn: "2026-12-01" })[0]!.rule).toBe(
      "secretary_report_in_future",
    );
  });

  it("is rated once", () => {
    expect(checkReportReviewable("submitted")).toEqual([]);
    expect(checkReportReviewable("reviewed")[0]!.rule).toBe("secretary_report_reviewed");
  });
});
