import type { ClaimedRules } from "@vanguard/domain";

/** How the district counts claimed points, said beside every ranking and total it shapes. */
export const counting = (c: ClaimedRules) => ({
  claimedWeight: c.weight,
  claimedRanked: c.ranked,
  rankedBy: c.ranked ? ("score" as const) : ("earned" as const),
});
