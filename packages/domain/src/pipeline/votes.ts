import { failure, type RuleFailure } from "../rules/rule";
import type { VoteTally } from "./data";

/**
 * The double majority (双过半) of a general assembly on admission or full membership: more than
 * half of the expected voters present, and "for" votes (written opinions included) from more than
 * half of the expected voters — not of those present. `votingMembers` is the number of full members
 * with voting rights on the roll, which bounds `expected`.
 */
export function checkVote(v: VoteTally, votingMembers: number): RuleFailure[] {
  const written = v.writtenOpinions;
  const cast = v.for + v.against + v.abstain;
  const writtenTotal = written.for + written.against + written.abstain;
  const facts = {
    expected: v.expected,
    present: v.present,
    for: v.for,
    against: v.against,
    abstain: v.abstain,
    writtenOpinions: written,
  };
  const out: RuleFailure[] = [];
  if (v.present > v.expected || cast > v.present || v.present + writtenTotal > v.expected) {
    out.push(
      failure(
        "vote_tally_inconsistent",
        {
          zh: "票数不一致：到会人数不能超过应到人数，现场票数不能超过到会人数，到会人数与书面意见之和不能超过应到人数",
          en: "The tally does not add up: present may not exceed expected, votes cast may not exceed present, and present plus written opinions may not exceed expected",
        },
        { ...facts, cast, writtenTotal },
      ),
    );
    return out;
  }
  if (v.expected > votingMembers) {
    out.push(
      failure(
        "vote_expected_exceeds_roll",
        {
          zh: `应到会有表决权的党员（${v.expected}人）多于本支部有表决权的正式党员（${votingMembers}人）`,
          en: `Expected voters (${v.expected}) exceed the branch's full members with voting rights (${votingMembers})`,
        },
        { expected: v.expected, votingMembers },
      ),
    );
  }
  if (v.present * 2 <= v.expected) {
    out.push(
      failure(
        "vote_quorum_not_met",
        {
          zh: `到会有表决权的党员须超过应到人数的半数（应到${v.expected}人，实到${v.present}人）`,
          en: `More than half of the expected voters must be present (expected ${v.expected}, present ${v.present})`,
        },
        { ...facts, required: Math.floor(v.expected / 2) + 1 },
      ),
    );
  }
  const inFavour = v.for + written.for;
  if (inFavour * 2 <= v.expected) {
    out.push(
      failure(
        "vote_majority_not_met",
        {
          zh: `赞成票须超过应到会有表决权党员的半数（应到${v.expected}人，赞成${inFavour}票）`,
          en: `"For" votes must exceed half of the expected voters (expected ${v.expected}, for ${inFavour})`,
        },
        { ...facts, inFavour, required: Math.floor(v.expected / 2) + 1 },
      ),
    );
  }
  return out;
}
