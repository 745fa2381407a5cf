import { describe, expect, it } from "vitest";
import {
  cadencePeriods,
  DEFAULT_MEETING_CADENCE,
  dueThisQuarter,
  type HeldMeeting,
  meetingCompliance,
} from "./cadence";
import { checkMeeting, committeeQuorum } from "./checks";

const monthly = (kind: HeldMeeting["kind"], months: number[], year = 2026): HeldMeeting[] =>
  months.map((m) => ({ kind, heldOn: `${year}-${String(m).padStart(2, "0")}-15`, lecturerPost: null }));

describe("meeting cadence compliance", () => {
  it("cuts a year into months, quarters or itself", () => {
    expect(cadencePeriods("quarter", 2026).map((p) => [p.key, p.from, p.to])).toEqual([
      ["2026-Q1", "2026-01-01", "2026-03-31"],
      ["2026-Q2", "2026-04-01", "2026-06-30"],
      ["2026-Q3", "2026-07-01", "2026-09-30"],
      ["2026-Q4", "2026-10-01", "2026-12-31"],
    ]);
    expect(cadencePeriods("month", 2024)[1]).toEqual({
      key: "2024-02",
      from: "2024-02-01",
      to: "2024-02-29",
    });
    expect(cadencePeriods("year", 2026)).toEqual([{ key: "2026", from: "2026-01-01", to: "2026-12-31" }]);
  });

  it("judges only the periods that start on or after the branch's records start", () => {
    // records from 1 September: Q3 and the year straddle it and are not judged; September on is
    const items = meetingCompliance({
      year: 2026,
      asOf: "2026-11-27",
      since: "2003-07-01",
      recordsFrom: "2026-09-01",
      hasCommittee: true,
      rules: DEFAULT_MEETING_CADENCE,
      // imported history before the start is kept but neither blames nor credits the branch
      meetings: [...monthly("committee", [3, 4, 9]), ...monthly("general_assembly", [8])],
    });
    const by = (code: string) => items.find((i) => i.code === code)!;
    expect(by("committee_monthly")).toMatchObject({
      missing: ["2026-10"],
      open: "2026-11",
      held: 1,
      required: 3,
    });
    expect(by("general_assembly_quarterly")).toMatchObject({
      missing: [],
      open: "2026-Q4",
      held: 0,
      required: 1,
    });
    expect(by("life_meeting_yearly")).toMatchObject({
      missing: [],
      open: null,
      required: 0,
      compliant: true,
    });
    // a start in mid-month leaves that month unjudged too
    const mid = meetingCompliance({
      year: 2026,
      asOf: "2026-11-27",
      since: null,
      recordsFrom: "2026-09-10",
      hasCommittee: true,
      rules: DEFAULT_MEETING_CADENCE,
      meetings: [],
    });
    expect(mid.find((i) => i.code === "committee_monthly")).toMatchObject({
      missing: ["2026-10"],
      required: 2,
    });
  });

  it("names exactly the ended periods that lack their meetings, and the open one apart", () => {
    const items = meetingCompliance({
      year: 2026,
      asOf: "2026-11-27",
      since: "2003-07-01",
      hasCommittee: true,
      rules: DEFAULT_MEETING_CADENCE,
      meetings: [
        ...monthly("committee", [1, 2, 4, 5, 6, 7, 9, 10]),
        ...monthly("general_assembly", [2, 8]),
        ...monthly("theme_day", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
        ...monthly("lecture", [3, 6]),
        { kind: "lecture", heldOn: "2026-09-20", lecturerPost: "secretary" },
        // outside the year: ignored
        ...monthly("committee", [3, 8], 2025),
      ],
    });
    const by = Object.fromEntries(items.map((i) => [i.code, i]));
    expect(by.committee_monthly).toMatchObject({
      required: 11,
      held: 8,
      missing: ["2026-03", "2026-08"],
      open: "2026-11",
      compliant: false,
    });
    expect(by.general_assembly_quarterly).toMatchObject({
      required: 4,
      held: 2,
      missing: ["2026-Q2"],
      open: "2026-Q4",
    });
    expect(by.theme_day_monthly).toMatchObject({ missing: [], open: null, compliant: true });
    expect(by.lecture_quarterly).toMatchObject({ held: 3, missing: [], open: "2026-Q4" });
    expect(by.secretary_lecture_yearly).toMatchObject({ held: 1, missing: [], open: null });
    // due on a branch's day: the month's and quarter's open periods; the year's only from October
    const due = (asOf: string) => items.filter((i) => dueThisQuarter(i, asOf)).map((i) => i.code);
    expect(due("2026-11-10")).toContain("life_meeting_yearly");
    expect(due("2026-11-10")).toContain("lecture_quarterly");
    expect(due("2026-09-10")).not.toContain("life_meeting_yearly");
    expect(dueThisQuarter({ applicable: false, open: "2026", per: "year" }, "2026-12-01")).toBe(false);
    // the two lecture rules are told apart by name
    expect([by.lecture_quarterly!.label.zh, by.secretary_lecture_yearly!.label.zh]).toEqual([
      "党课",
      "书记讲党课",
    ]);
    // the year is still under way: not missing yet, but open
    expect(by.life_meeting_yearly).toMatchObject({ held: 0, missing: [], open: "2026" });
    expect(by.group_monthly!.missing).toHaveLength(10);
  });

  it("judges a past year whole, skips periods before the branch was founded and committees never formed", () => {
    const items = meetingCompliance({
      year: 2025,
      asOf: "2026-11-27",
      since: "2025-05-10",
      hasCommittee: false,
      rules: DEFAULT_MEETING_CADENCE,
      meetings: monthly("theme_day", [6, 7, 8, 9, 10, 12], 2025),
    });
    const by = Object.fromEntries(items.map((i) => [i.code, i]));
    expect(by.theme_day_monthly).toMatchObject({ required: 7, missing: ["2025-11"], open: null });
    expect(by.committee_monthly).toMatchObject({
      applicable: false,
      required: 0,
      missing: [],
      compliant: true,
    });
    expect(by.life_meeting_yearly).toMatchObject({ missing: ["2025"] });
    // founded in May: it owes Q2 (it had June) but not May's theme day
    expect(by.general_assembly_quarterly).toMatchObject({ missing: ["2025-Q2", "2025-Q3", "2025-Q4"] });
  });

  it("does not count meetings dated after the day it is judged on", () => {
    const [item] = meetingCompliance({
      year: 2026,
      asOf: "2026-03-10",
      since: null,
      hasCommittee: true,
      rules: [DEFAULT_MEETING_CADENCE[1]!],
      meetings: monthly("committee", [1, 2, 3]),
    });
    expect(item).toMatchObject({ held: 2, missing: [], open: "2026-03" });
  });
});

describe("recording a meeting", () => {
  const roll = new Set(["mb_1", "mb_2", "mb_3", "mb_4", "mb_5", "mb_6"]);
  const committee = ["mb_1", "mb_2", "mb_3", "mb_4", "mb_5"];
  const plan = {
    kind: "committee" as const,
    heldOn: "2026-11-20",
    today: "2026-11-27",
    attendeeIds: ["mb_1", "mb_2", "mb_3"],
    absenteeIds: ["mb_4"],
    lecturerId: null,
    roll,
    committeeIds: committee,
  };

  it("needs more than half of the committee at a committee meeting", () => {
    expect(committeeQuorum(committee, ["mb_1", "mb_2", "mb_6"])).toEqual({
      committeeSize: 5,
      committeePresent: 2,
      quorate: false,
    });
    expect(committeeQuorum(["mb_1", "mb_2", "mb_3", "mb_4"], ["mb_1", "mb_2"]).quorate).toBe(false);
    expect(checkMeeting(plan)).toEqual([]);
    expect(
      checkMeeting({ ...plan, attendeeIds: ["mb_1", "mb_2", "mb_6"] }).map((f) => [f.rule, f.facts]),
    ).toEqual([["committee_quorum", { committeeSize: 5, committeePresent: 2, quorate: false }]]);
    expect(checkMeeting({ ...plan, committeeIds: [] }).map((f) => f.rule)).toEqual(["committee_not_formed"]);
    // other kinds need no quorum
    expect(checkMeeting({ ...plan, kind: "theme_day", attendeeIds: ["mb_6"] })).toEqual([]);
  });

  it("refuses future meetings, strangers and people both present and absent", () => {
    const rules = checkMeeting({
      ...plan,
      kind: "lecture",
      heldOn: "2026-12-01",
      attendeeIds: ["mb_1", "mb_9", "mb_4"],
      lecturerId: "mb_8",
    }).map((f) => [f.rule, f.facts]);
    expect(rules).toEqual([
      ["meeting_in_future", { heldOn: "2026-12-01", today: "2026-11-27" }],
      ["meeting_person_not_on_roll", { memberIds: ["mb_9", "mb_8"] }],
      ["meeting_present_and_absent", { memberIds: ["mb_4"] }],
    ]);
  });
});
