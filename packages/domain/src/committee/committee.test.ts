import { describe, expect, it } from "vitest";
import { type CommitteePlan, checkCommittee } from "./committee";

const full = (n: number) => ({ memberId: `mb_${n}`, post: "member" as const, memberStatus: "full" as const });

describe("branch committee", () => {
  it("accepts a 3-year committee with one secretary", () => {
    const plan: CommitteePlan = {
      termStart: "2024-01-01",
      termEnd: "2027-01-01",
      posts: [{ ...full(1), post: "secretary" }, full(2), full(3)],
    };
    expect(checkCommittee(plan)).toEqual([]);
  });

  it("names every rule a plan breaks", () => {
    const plan: CommitteePlan = {
      termStart: "2024-01-01",
      termEnd: "2030-01-01",
      posts: [
        full(1),
        { memberId: "mb_x", post: "propaganda", memberStatus: "probationary" },
        { ...full(9), memberStatus: null },
      ],
    };
    expect(checkCommittee(plan).map((f) => f.rule)).toEqual([
      "committee_term_length",
      "committee_one_secretary",
      "committee_member_not_full",
      "committee_member_unknown",
    ]);
  });

  it("caps the committee at 7 people", () => {
    const posts = [{ ...full(0), post: "secretary" as const }, ...[1, 2, 3, 4, 5, 6, 7].map(full)];
    expect(
      checkCommittee({ termStart: "2024-01-01", termEnd: "2029-01-01", posts }).map((f) => f.rule),
    ).toEqual(["committee_too_large"]);
  });
});
