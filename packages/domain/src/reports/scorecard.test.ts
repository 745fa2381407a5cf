import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_MEETING_CADENCE, type HeldMeeting, meetingCompliance } from "../meetings/cadence";
import { bandOf, complianceScore, findingsRate, summarizeMeetings } from "./scorecard";

const monthly = (kind: HeldMeeting["kind"], months: number[], year = 2025): HeldMeeting[] =>
  months.map((m) => ({ kind, heldOn: `${year}-${String(m).padStart(2, "0")}-10`, lecturerPost: null }));

describe("the meetings measure", () => {
  it("counts ended periods that had their meeting over those judged", () => {
    // Q3 2025 ended; committee meetings in July and September only, group meetings every month
    const items = meetingCompliance({
      year: 2025,
      asOf: "2025-09-30",
      since: null,
      hasCommittee: true,
      rules: DEFAULT_MEETING_CADENCE.filter((r) => r.per === "month"),
      meetings: [
        ...monthly("committee", [1, 2, 3, 4, 5, 6, 7, 9]),
        ...monthly("group", [1, 2, 3, 4, 5, 6, 7, 8, 9]),
      ],
    });
    // 3 monthly rules × 9 months = 27 periods; committee misses Aug, theme day misses all 9
    expect(summarizeMeetings(items, "2025-09-30")).toMatchObject({
      required: 27,
      held: 17,
      missingPeriods: 10,
      periodsJudged: 27,
      periodsMet: 17,
      rate: 0.6296,
    });
    // and it names them, rule by rule
    expect(summarizeMeetings(items, "2025-09-30").missing).toEqual([
      { code: "committee_monthly", kind: "committee", per: "month", periods: ["2025-08"] },
      {
        code: "theme_day_monthly",
        kind: "theme_day",
        per: "month",
        periods: [
          "2025-01",
          "2025-02",
          "2025-03",
          "2025-04",
          "2025-05",
          "2025-06",
          "2025-07",
          "2025-08",
          "2025-09",
        ],
      },
    ]);
    // seen on 30 September itself, September is still under way: its missing theme day is not judged yet
    expect(summarizeMeetings(items, null)).toMatchObject({
      required: 27,
      held: 17,
      missingPeriods: 9,
      rate: 0.6538,
    });
  });

  it("does not judge the running period before its meeting, and credits it once held", () => {
    const rules = DEFAULT_MEETING_CADENCE.filter((r) => r.code === "group_monthly");
    const before = meetingCompliance({
      year: 2026,
      asOf: "2026-02-10",
      since: null,
      hasCommittee: false,
      rules,
      meetings: monthly("group", [1], 2026),
    });
    expect(summarizeMeetings(before, null)).toMatchObject({
      required: 2,
      held: 1,
      missingPeriods: 0,
      rate: 1,
    });
    const after = meetingCompliance({
      year: 2026,
      asOf: "2026-02-10",
      since: null,
      hasCommittee: false,
      rules,
      meetings: monthly("group", [1, 2], 2026),
    });
    expect(summarizeMeetings(after, null)).toMatchObject({ required: 2, held: 2, rate: 1 });
  });

  it("leaves a yearly meeting open when a quarter is over but the year is not", () => {
    const items = meetingCompliance({
      year: 2025,
      asOf: "2025-09-30",
      since: null,
      hasCommittee: false,
      rules: DEFAULT_MEETING_CADENCE.filter(
        (r) => r.per === "year" || r.code === "general_assembly_quarterly",
      ),
      meetings: [],
    });
    // 3 quarters of general assemblies missed; the secretary's lecture and the life meeting are due by December
    expect(summarizeMeetings(items, "2025-09-30")).toMatchObject({
      required: 5,
      held: 0,
      missingPeriods: 3,
      rate: 0,
    });
    // once the year is over, they lapsed too
    const year = meetingCompliance({
      year: 2025,
      asOf: "2025-12-31",
      since: null,
      hasCommittee: false,
      rules: DEFAULT_MEETING_CADENCE.filter((r) => r.per === "year"),
      meetings: [],
    });
    expect(summarizeMeetings(year, "2025-12-31")).toMatchObject({ required: 2, missingPeriods: 2, rate: 0 });
  });

  it("skips rules that do not apply (no committee, no committee meetings) and has no rate with nothing due", () => {
    const items = meetingCompliance({
      year: 2026,
      asOf: "2026-01-05",
      since: null,
      hasCommittee: false,
      rules: DEFAULT_MEETING_CADENCE.filter((r) => r.code === "committee_monthly"),
      meetings: [],
    });
    expect(summarizeMeetings(items, null)).toMatchObject({
      required: 0,
      held: 0,
      missingPeriods: 0,
      rate: null,
    });
  });
});

describe("the overall score", () => {
  it("weighs the measures a branch has", () => {
    // (30×0.9 + 20×0.8 + 20×0.5 + 20×0.95 + 10×0.84) / 100
    const all = complianceScore({ meetings: 0.9, dues: 0.8, study: 0.5, inspection: 0.95, findings: 0.84 });
    expect(all).toEqual({ score: 80.4, band: "fair" });
    // without an inspection the other weights share the whole: (27 + 16 + 10 + 8.4) / 80
    expect(
      complianceScore({ meetings: 0.9, dues: 0.8, study: 0.5, inspection: null, findings: 0.84 }),
    ).toEqual({
      score: 76.8,
      band: "fair",
    });
  });

  it("has no score for a unit with nothing to measure but findings", () => {
    expect(
      complianceScore({ meetings: null, dues: null, study: null, inspection: null, findings: 1 }),
    ).toEqual({
      score: null,
      band: "none",
    });
  });

  it("costs findings by severity, never below zero", () => {
    expect(findingsRate({ info: 1, warning: 1, severe: 1 })).toBe(0.7);
    expect(findingsRate({ info: 0, warning: 0, severe: 9 })).toBe(0);
  });

  it("bands at 85 and 60", () => {
    expect([bandOf(85), bandOf(84.9), bandOf(60), bandOf(59.9), bandOf(null)]).toEqual([
      "good",
      "fair",
      "fair",
      "poor",
      "none",
    ]);
  });

  it("stays within 0–100 and between its lowest and highest measure", () => {
    const rate = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(rate, rate, rate, rate, fc.double({ min: 0, max: 1, noNaN: true }), (m, d, s, i, f) => {
        const { score } = complianceScore({ meetings: m, dues: d, study: s, inspection: i, findings: f });
        const present = [m, d, s, i].filter((x): x is number => x !== null);
        if (!present.length) return score === null;
        const all = [...present, f];
        return (
          score !== null && score >= Math.min(...all) * 100 - 0.05 && score <= Math.max(...all) * 100 + 0.05
        );
      }),
    );
  });
});
