import { describe, expect, it } from "vitest";
import type { VoteTally } from "./data";
import { checkVote } from "./votes";

const tally = (t: Partial<VoteTally>): VoteTally => ({
  expected: 11,
  present: 9,
  for: 0,
  against: 0,
  abstain: 0,
  writtenOpinions: { for: 0, against: 0, abstain: 0 },
  ...t,
});
const rules = (t: Partial<VoteTally>, roll = 11) => checkVote(tally(t), roll).map((f) => f.rule);

describe("the double majority (双过半)", () => {
  it("fails 5 for out of 11 expected even when 5 of the 6 present vote for", () => {
    const failures = checkVote(tally({ present: 6, for: 5, against: 1 }), 11);
    expect(failures.map((f) => f.rule)).toEqual(["vote_majority_not_met"]);
    expect(failures[0]!.facts).toMatchObject({ expected: 11, inFavour: 5, required: 6 });
  });

  it("passes 6 for out of 11 expected", () => {
    expect(rules({ present: 6, for: 6 })).toEqual([]);
  });

  it("counts written opinions handed in before the meeting", () => {
    expect(
      rules({ present: 6, for: 5, against: 1, writtenOpinions: { for: 1, against: 0, abstain: 0 } }),
    ).toEqual([]);
  });

  it("needs more than half of the expected voters present; written opinions are not presence", () => {
    expect(rules({ present: 5, for: 5, writtenOpinions: { for: 3, against: 0, abstain: 0 } })).toEqual([
      "vote_quorum_not_met",
    ]);
    expect(
      rules({ expected: 10, present: 5, for: 5, writtenOpinions: { for: 1, against: 0, abstain: 0 } }),
    ).toEqual(["vote_quorum_not_met"]);
  });

  it("refuses a tally that does not add up", () => {
    expect(rules({ present: 12, for: 12 })).toEqual(["vote_tally_inconsistent"]);
    expect(rules({ present: 6, for: 6, against: 1 })).toEqual(["vote_tally_inconsistent"]);
    expect(rules({ present: 9, for: 9, writtenOpinions: { for: 3, against: 0, abstain: 0 } })).toEqual([
      "vote_tally_inconsistent",
    ]);
  });

  it("refuses more expected voters than the branch has full members with voting rights", () => {
    expect(rules({ present: 9, for: 9 }, 10)).toEqual(["vote_expected_exceeds_roll"]);
  });
});
