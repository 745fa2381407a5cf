import { describe, expect, it } from "vitest";
import { WorkingCalendar } from "../calendar/working-days";
import { checkComplaint, checkResolution } from "./complaints";
import type { StepRecord } from "./data";
import { applyStep, closeCase, completedSteps, nextSteps, recordStep, rollChange } from "./machine";
import { checkPipelineRules, DEFAULT_PIPELINE_RULES as RULES, resolvePipelineRules } from "./rules";
import { checkSanction } from "./sanctions";
import { openingState } from "./state";
import { BIRTH_DATE, facts, HAPPY_PATH, PEOPLE, TODAY, until, VOTE, walk } from "./testing";

const refusal = (state: ReturnType<typeof walk>, p: StepRecord, f = facts(), rules = RULES) => {
  const v = recordStep(state, p, f, rules);
  if (v.ok) throw new Error(`${p.step} was allowed`);
  return v.failures;
};
const rulesOf = (state: ReturnType<typeof walk>, p: StepRecord, f = facts(), rules = RULES) =>
  refusal(state, p, f, rules).map((x) => x.rule);

describe("a person walking all 25 steps", () => {
  it("becomes a full member, with each stage changing their roll status once", () => {
    let state = openingState(BIRTH_DATE);
    const effects: unknown[] = [];
    for (const p of HAPPY_PATH) {
      const v = recordStep(state, p, facts(), RULES);
      if (!v.ok) throw new Error(`${p.step}: ${v.failures.map((f) => f.rule).join()}`);
      expect(v.warnings).toEqual([]);
      if (v.member) effects.push([p.step, v.member]);
      state = v.state;
    }
    expect(effects).toEqual([
      ["activist_designation", { status: "activist" }],
      ["candidate_designation", { status: "candidate" }],
      ["admission_approval", { status: "probationary", joinedOn: "2024-10-28" }],
      ["full_membership_approval", { status: "full" }],
    ]);
    expect(state).toMatchObject({
      stage: "full",
      appliedOn: "2023-03-01",
      probationEndsOn: "2025-10-28",
      fullOn: "2025-10-28",
      cycle: 0,
    });
    expect(completedSteps(state)).toHaveLength(25);
    expect(nextSteps(state, facts(), RULES)).toEqual([]);
  });
});

describe("qualification and interval rules (hard blocks)", () => {
  it("refuses an application before the 18th birthday and lists when it becomes possible", () => {
    const failures = refusal(openingState("2008-03-02"), {
      step: "application",
      occurredOn: "2026-03-01",
      data: {},
    });
    expect(failures).toMatchObject([
      { rule: "age_under_minimum", severity: "block", facts: { reachesOn: "2026-03-02", minAge: 18 } },
    ]);
    expect(
      recordStep(
        openingState("2008-03-02"),
        { step: "application", occurredOn: "2026-03-02", data: {} },
        facts(),
        RULES,
      ).ok,
    ).toBe(true);
  });

  it("blocks candidate designation at 11 months of cultivation, and names the first allowed day", () => {
    const state = walk(until("candidate_designation"));
    const at11 = { ...HAPPY_PATH[7]!, occurredOn: "2024-03-15" } as StepRecord;
    const failures = refusal(state, at11);
    expect(failures.map((f) => f.rule)).toContain("cultivation_under_one_year");
    expect(failures.find((f) => f.rule === "cultivation_under_one_year")!.facts).toMatchObject({
      activistDesignatedOn: "2023-04-15",
      earliest: "2024-04-15",
    });
    const next = nextSteps(state, facts({ today: "2024-03-15" }), RULES).find(
      (n) => n.step === "candidate_designation",
    )!;
    expect(next).toMatchObject({ allowed: false, notBefore: "2024-04-15" });
    expect(next.blockers.map((b) => b.rule)).toEqual(["cultivation_under_one_year"]);
  });

  it("uses the district's interval when its rule set says so", () => {
    const rules = resolvePipelineRules({ cultivationMinMonths: 18 });
    const state = walk(until("candidate_designation"), rules);
    expect(rulesOf(state, HAPPY_PATH[7]!, facts(), rules)).toEqual(["cultivation_under_one_year"]);
  });

  it("refuses the full-membership vote before probation ends", () => {
    const state = walk(until("full_membership_vote"));
    const early = {
      step: "full_membership_vote",
      occurredOn: "2025-10-27",
      data: { ...VOTE, outcome: "full" },
    } as const;
    expect(rulesOf(state, early)).toEqual(["probation_not_expired"]);
  });
});

describe("the six no-admits (六个不发展)", () => {
  const designation = HAPPY_PATH[7]!;

  it("hold candidate designation while a mass complaint is open", () => {
    const state = walk(until("candidate_designation"));
    expect(rulesOf(state, designation, facts({ openComplaints: 1 }))).toEqual(["open_mass_complaints"]);
    expect(
      nextSteps(state, facts({ openComplaints: 2 }), RULES).find((n) => n.step === "candidate_designation"),
    ).toMatchObject({
      allowed: false,
      blockers: [{ rule: "open_mass_complaints", facts: { openComplaints: 2 } }],
    });
  });

  it("refuse a candidate whose latest review rates work as ordinary", () => {
    const steps = until("candidate_designation");
    steps[6] = {
      ...steps[6],
      data: { thought: "outstanding", work: "ordinary", trainingHours: 4 },
    } as StepRecord;
    expect(rulesOf(walk(steps), designation)).toEqual(["performance_not_outstanding"]);
  });

  it("refuse a candidate with no party-knowledge training recorded", () => {
    const steps = until("candidate_designation").map((s) =>
      s.step === "cultivation_review" ? ({ ...s, data: { ...s.data, trainingHours: 0 } } as StepRecord) : s,
    );
    expect(rulesOf(walk(steps), designation)).toEqual(["no_basic_training"]);
  });

  it("refuse a designation that skips a required step", () => {
    const steps = until("candidate_designation").filter((s) => s.step !== "activist_filing");
    expect(refusal(walk(steps), designation)).toMatchObject([
      { rule: "procedure_incomplete", facts: { missing: ["activist_filing"] } },
    ]);
  });

  it("hold the admission vote on a failed political review, short training or an open complaint", () => {
    const state = walk(until("admission_vote"));
    const vote = HAPPY_PATH.find((s) => s.step === "admission_vote")!;
    expect(rulesOf(state, vote, facts({ openComplaints: 1 }))).toEqual(["open_mass_complaints"]);
    const failed = applyStep(
      state,
      { step: "political_review", occurredOn: "2024-10-20", data: { conclusion: "failed" } },
      RULES,
    );
    expect(rulesOf(failed.state, vote)).toEqual(["political_review_missing_or_failed"]);
  });

  it("hold the committee review until training reaches 3 days or 24 hours, summing sessions", () => {
    const steps = until("committee_review").map((s) =>
      s.step === "intensive_training" ? ({ ...s, data: { hours: 16, days: 2 } } as StepRecord) : s,
    );
    const short = walk(steps);
    const review = HAPPY_PATH.find((s) => s.step === "committee_review")!;
    expect(refusal(short, review)).toMatchObject([
      { rule: "no_basic_training", facts: { hours: 16, days: 2, minHours: 24, minDays: 3 } },
    ]);
    expect(nextSteps(short, facts(), RULES).map((n) => n.step)).toContain("intensive_training");
    const more = walk(
      [{ step: "intensive_training", occurredOn: "2024-07-20", data: { hours: 8, days: 1 } }],
      RULES,
      short,
    );
    expect(recordStep(more, review, facts(), RULES).ok).toBe(true);
  });
});

describe("counts of people", () => {
  it("takes one or two contacts, full members of the branch", () => {
    const state = walk(until("contacts_assigned"));
    const assign = (ids: string[]) =>
      ({ step: "contacts_assigned", occurredOn: "2023-04-20", data: { contactIds: ids } }) as const;
    expect(rulesOf(state, assign([]))).toEqual(["contacts_count"]);
    expect(rulesOf(state, assign(["mb_c1", "mb_c2", "mb_s"]))).toEqual(["contacts_count"]);
    expect(rulesOf(state, assign(["mb_x"]))).toEqual(["contact_not_full_member"]);
    const activist = { status: "activist" as const, underDiscipline: false };
    expect(
      rulesOf(state, assign(["mb_c1", "mb_a"]), facts({ people: { ...facts().people, mb_a: activist } })),
    ).toEqual(["contact_not_full_member"]);
  });

  it("takes exactly two introducers: a third is refused, as is one under 留党察看", () => {
    const state = walk(until("introducers_assigned"));
    const assign = (ids: string[]) =>
      ({ step: "introducers_assigned", occurredOn: "2024-05-06", data: { introducerIds: ids } }) as const;
    expect(refusal(state, assign([PEOPLE.intro1, PEOPLE.intro2, PEOPLE.secretary]))).toMatchObject([
      { rule: "introducers_count", facts: { introducers: 3, required: 2 } },
    ]);
    expect(rulesOf(state, assign([PEOPLE.intro1, PEOPLE.intro1]))).toEqual([
      "introducers_count",
      "introducer_repeated",
    ]);
    const disciplined = facts({
      people: { ...facts().people, [PEOPLE.intro2]: { status: "full", underDiscipline: true } },
    });
    expect(rulesOf(state, assign([PEOPLE.intro1, PEOPLE.intro2]), disciplined)).toEqual([
      "introducer_under_discipline",
    ]);
  });
});

describe("people named twice", () => {
  it("refuses a contact or an introducer named more than once, as a talker is", () => {
    const contacts = walk(until("contacts_assigned"));
    expect(
      refusal(contacts, {
        step: "contacts_assigned",
        occurredOn: "2023-04-20",
        data: { contactIds: [PEOPLE.contact1, PEOPLE.contact1] },
      }),
    ).toMatchObject([{ rule: "contact_repeated", facts: { memberIds: [PEOPLE.contact1] } }]);
    const introducers = walk(until("introducers_assigned"));
    expect(
      refusal(introducers, {
        step: "introducers_assigned",
        occurredOn: "2024-05-06",
        data: { introducerIds: [PEOPLE.intro1, PEOPLE.intro2, PEOPLE.intro1] },
      }),
    ).toMatchObject([{ rule: "introducer_repeated", facts: { memberIds: [PEOPLE.intro1] } }]);
    const talk = walk(until("application_talk"));
    expect(
      rulesOf(talk, {
        step: "application_talk",
        occurredOn: "2023-03-20",
        data: { talkerIds: [PEOPLE.secretary, PEOPLE.secretary] },
      }),
    ).toEqual(["talker_repeated"]);
  });
});

describe("publicity on the PRC working calendar", () => {
  const state = walk(until("pre_review"));
  const preReview = (from: string, to: string) =>
    ({ step: "pre_review", occurredOn: "2024-10-15", data: { publicity: { from, to } } }) as const;

  it("counts a holiday week in working days: 12 calendar days over 国庆 are only 4", () => {
    expect(refusal(state, preReview("2024-09-27", "2024-10-08"))).toMatchObject([
      { rule: "publicity_too_short", facts: { workingDays: 4, required: 5 } },
    ]);
    expect(recordStep(state, preReview("2024-09-26", "2024-10-08"), facts(), RULES).ok).toBe(true);
  });

  it("counts the make-up workday (调休) and the district's calendar overrides", () => {
    // 2024-09-29 is a Sunday worked in exchange for the holiday
    expect(recordStep(state, preReview("2024-09-25", "2024-09-30"), facts(), RULES).ok).toBe(true);
    const noMakeUp = facts({ calendar: new WorkingCalendar([{ date: "2024-09-29", kind: "holiday" }]) });
    expect(rulesOf(state, preReview("2024-09-25", "2024-09-30"), noMakeUp)).toEqual(["publicity_too_short"]);
    const extraHoliday = facts({ calendar: new WorkingCalendar([{ date: "2024-09-26", kind: "holiday" }]) });
    expect(rulesOf(state, preReview("2024-09-26", "2024-10-08"), extraHoliday)).toEqual([
      "publicity_too_short",
    ]);
  });

  it("waits for publicity to end before the form is filled in", () => {
    const reviewed = walk([preReview("2024-10-10", "2024-10-16")], RULES, state);
    expect(rulesOf(reviewed, { step: "application_form", occurredOn: "2024-10-16", data: {} })).toEqual([
      "publicity_not_finished",
    ]);
  });

  it("refuses publicity before the committee review", () => {
    expect(rulesOf(state, preReview("2024-09-10", "2024-09-30"))).toEqual([
      "publicity_before_committee_review",
    ]);
  });
});

describe("admission", () => {
  it("fails an admission vote of 5 for out of 11 expected", () => {
    const state = walk(until("admission_vote"));
    const vote = {
      step: "admission_vote",
      occurredOn: "2024-10-28",
      data: {
        ...VOTE,
        expected: 11,
        present: 7,
        for: 5,
        against: 2,
        writtenOpinions: { for: 0, against: 0, abstain: 0 },
      },
    } as const;
    expect(rulesOf(state, vote, facts({ votingMembers: 11 }))).toEqual(["vote_majority_not_met"]);
  });

  it("counts probation from the vote date, not the approval", () => {
    const state = walk(until("admission_record"));
    expect(state).toMatchObject({ stage: "probationary", probationEndsOn: "2025-10-28" });
  });
});

describe("the full-membership outcome", () => {
  const beforeVote = walk(until("full_membership_vote"));
  const vote = (outcome: string, extra: object = {}) =>
    ({
      step: "full_membership_vote",
      occurredOn: "2025-10-29",
      data: { ...VOTE, outcome, ...extra },
    }) as StepRecord;
  const approval = (on: string) => ({ step: "full_membership_approval", occurredOn: on, data: {} }) as const;

  it("extends probation once by 6 to 12 months, then asks for a new request, vote and approval", () => {
    expect(rulesOf(beforeVote, vote("extend", { extensionMonths: 3 }))).toEqual(["extension_length"]);
    expect(rulesOf(beforeVote, vote("extend"))).toEqual(["extension_length"]);
    const extended = walk(
      [vote("extend", { extensionMonths: 6 }), approval("2025-12-01")],
      RULES,
      beforeVote,
    );
    expect(extended).toMatchObject({
      stage: "probationary",
      cycle: 1,
      extensionsApproved: 1,
      probationEndsOn: "2026-04-28",
    });
    expect(nextSteps(extended, facts({ today: "2026-04-01" }), RULES).map((n) => n.step)).toEqual([
      "probation_review",
      "full_membership_request",
      "full_membership_vote",
      "full_membership_approval",
    ]);
    const again = walk(
      [{ step: "full_membership_request", occurredOn: "2026-04-20", data: {} }],
      RULES,
      extended,
    );
    expect(rulesOf(again, { ...vote("full"), occurredOn: "2026-04-27" })).toEqual(["probation_not_expired"]);
    // extending a second time is refused
    expect(rulesOf(again, { ...vote("extend", { extensionMonths: 6 }), occurredOn: "2026-04-29" })).toEqual([
      "extension_once_only",
    ]);
    const full = walk([{ ...vote("full"), occurredOn: "2026-04-29" }, approval("2026-05-20")], RULES, again);
    expect(full).toMatchObject({ stage: "full", fullOn: "2026-04-28" });
  });

  it("closes the case and takes the person off the roll when disqualified", () => {
    const voted = walk([vote("disqualify")], RULES, beforeVote);
    const v = recordStep(voted, approval("2025-11-20"), facts(), RULES);
    expect(v).toMatchObject({
      ok: true,
      state: { stage: "closed", closedOn: "2025-11-20" },
      member: { left: { on: "2025-11-20", reason: "probation_disqualified" } },
    });
  });
});

describe("the order of the procedure", () => {
  it("refuses a step of another stage, a step recorded twice, a future date and a date before its prerequisite", () => {
    const activist = walk(until("activist_filing"));
    expect(
      rulesOf(activist, {
        step: "political_review",
        occurredOn: "2023-05-01",
        data: { conclusion: "passed" },
      }),
    ).toEqual(["stage_mismatch"]);
    expect(
      rulesOf(activist, {
        step: "activist_designation",
        occurredOn: "2023-05-01",
        data: { recommendedBy: "league" },
      }),
    ).toEqual(["stage_mismatch"]);
    const filed = walk([{ step: "activist_filing", occurredOn: "2023-04-25", data: {} }], RULES, activist);
    expect(rulesOf(filed, { step: "activist_filing", occurredOn: "2023-04-26", data: {} })).toEqual([
      "step_already_recorded",
    ]);
    const future = {
      step: "cultivation_review",
      occurredOn: "2026-12-01",
      data: { thought: "good", work: "good", trainingHours: 1 },
    } as const;
    expect(rulesOf(filed, future)).toEqual(["step_date_in_future"]);
    const early = { ...future, occurredOn: "2023-04-19" };
    expect(refusal(filed, early)).toMatchObject([
      { rule: "step_date_order", facts: { requires: "contacts_assigned", requiredOn: "2023-04-20" } },
    ]);
  });

  it("lets the last step of a closed case be the last", () => {
    const state = walk(until("activist_designation"));
    const closed = closeCase(state, "2023-04-01", TODAY);
    expect(closed).toMatchObject({ ok: true, state: { stage: "closed", closedOn: "2023-04-01" } });
    if (!closed.ok) return;
    expect(rulesOf(closed.state, HAPPY_PATH[2]!)).toEqual(["case_closed"]);
    expect(nextSteps(closed.state, facts(), RULES)).toEqual([]);
    expect(closeCase(state, "2023-03-10", TODAY)).toMatchObject({
      ok: false,
      failures: [{ rule: "step_date_order" }],
    });
    expect(closeCase(walk(until("group_assignment")), TODAY, TODAY)).toMatchObject({
      ok: false,
      failures: [{ rule: "case_not_closable" }],
    });
  });
});

describe("the roll record", () => {
  it("only moves a status forward and sets the joining date once", () => {
    expect(rollChange({ status: "applicant", joinedOn: null }, { status: "activist" })).toEqual({
      status: "activist",
    });
    expect(rollChange({ status: "candidate", joinedOn: null }, { status: "activist" })).toBeNull();
    expect(
      rollChange({ status: "candidate", joinedOn: null }, { status: "probationary", joinedOn: "2024-10-28" }),
    ).toEqual({
      status: "probationary",
      joinedOn: "2024-10-28",
    });
    expect(rollChange({ status: "probationary", joinedOn: "2024-10-28" }, { status: "full" })).toEqual({
      status: "full",
    });
    expect(rollChange({ status: "applicant", joinedOn: null }, null)).toBeNull();
  });
});

describe("complaints", () => {
  it("are received on open cases up to today and resolved once, between receipt and today", () => {
    expect(checkComplaint({ stage: "activist", receivedOn: TODAY, today: TODAY })).toEqual([]);
    expect(
      checkComplaint({ stage: "closed", receivedOn: "2026-12-01", today: TODAY }).map((f) => f.rule),
    ).toEqual(["case_closed", "complaint_date_in_future"]);
    const open = { status: "open" as const, receivedOn: "2026-10-01", today: TODAY };
    expect(checkResolution({ ...open, resolvedOn: "2026-10-15" })).toEqual([]);
    expect(checkResolution({ ...open, resolvedOn: "2026-09-30" }).map((f) => f.rule)).toEqual([
      "complaint_resolution_date",
    ]);
    expect(
      checkResolution({ ...open, status: "resolved", resolvedOn: "2026-10-15" }).map((f) => f.rule),
    ).toEqual(["complaint_already_resolved"]);
  });
});

describe("party sanctions", () => {
  it("apply to party members, decided by today, ending after they start", () => {
    const ok = { memberStatus: "full" as const, decidedOn: "2026-01-10", endsOn: "2027-01-10", today: TODAY };
    expect(checkSanction(ok)).toEqual([]);
    expect(checkSanction({ ...ok, memberStatus: "activist" }).map((f) => f.rule)).toEqual([
      "sanction_member_not_party_member",
    ]);
    expect(checkSanction({ ...ok, endsOn: "2025-12-31" }).map((f) => f.rule)).toEqual(["sanction_dates"]);
    expect(checkSanction({ ...ok, decidedOn: "2026-12-01", endsOn: null }).map((f) => f.rule)).toEqual([
      "sanction_dates",
    ]);
  });
});

describe("district rule sets", () => {
  it("read a stored body over the defaults and check that ranges hang together", () => {
    expect(resolvePipelineRules({ publicityWorkingDays: 7, contacts: { max: 3 }, unknown: 1 })).toEqual({
      ...RULES,
      publicityWorkingDays: 7,
      contacts: { min: 1, max: 3 },
    });
    expect(resolvePipelineRules({ minAge: "18" }).minAge).toBe(18);
    expect(checkPipelineRules(RULES)).toEqual([]);
    expect(
      checkPipelineRules({
        ...RULES,
        contacts: { min: 3, max: 2 },
        extension: { minMonths: 12, maxMonths: 6, maxTimes: 1 },
      }).map((f) => f.rule),
    ).toEqual(["rules_contacts_range", "rules_extension_range"]);
  });
});
