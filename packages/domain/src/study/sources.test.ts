import { describe, expect, it } from "vitest";
import { visibleStandings } from "./ranking";
import { countedPoints, rankBranchesBySource, rankingPoints, rankMembersBySource } from "./sources";

const m = (memberId: string, points: number, earned: number) => ({
  memberId,
  name: memberId.toUpperCase(),
  points,
  earned,
  activeDays: 1,
  activities: 1,
});

describe("counting claimed points", () => {
  it("counts earned points in full and claimed ones at the district's weight", () => {
    const p = { earned: 4, claimed: 7 };
    expect(countedPoints(p, { weight: 1, ranked: true })).toBe(11);
    expect(countedPoints(p, { weight: 0.5, ranked: true })).toBe(7.5);
    expect(countedPoints(p, { weight: 0, ranked: true })).toBe(4);
    // tenths, not binary noise
    expect(countedPoints({ earned: 0, claimed: 3 }, { weight: 0.1, ranked: true })).toBe(0.3);
    expect(rankingPoints(p, { weight: 0.5, ranked: false })).toBe(4);
  });

  it("ranks members as before by default, and by earned points when claimed ones are left out", () => {
    const rows = [m("a", 10, 0), m("b", 6, 6), m("c", 6, 2)];
    const byDefault = rankMembersBySource(rows, { weight: 1, ranked: true });
    expect(byDefault.map((r) => [r.memberId, r.rank, r.score, r.earned, r.claimed])).toEqual([
      ["a", 1, 10, 0, 10],
      ["b", 2, 6, 6, 0],
      ["c", 2, 6, 2, 4],
    ]);
    const halved = rankMembersBySource(rows, { weight: 0.5, ranked: true });
    expect(halved.map((r) => [r.memberId, r.rank, r.score])).toEqual([
      ["b", 1, 6],
      ["a", 2, 5],
      ["c", 3, 4],
    ]);
    const earnedOnly = rankMembersBySource(rows, { weight: 1, ranked: false });
    expect(earnedOnly.map((r) => [r.memberId, r.rank, r.score, r.points])).toEqual([
      ["b", 1, 6, 6],
      ["c", 2, 2, 6],
      ["a", 3, 0, 10],
    ]);
    // what a member may see keeps the split
    expect(visibleStandings(earnedOnly, "anonymous", "c")[1]).toEqual({
      rank: 2,
      memberId: "c",
      name: "C",
      points: 6,
      earned: 2,
      claimed: 4,
      score: 2,
      activeDays: 1,
      activities: 1,
      self: true,
    });
  });

  it("ranks branches by members active in the library when claimed points are left out", () => {
    const rows = [
      // everyone claims, nobody reads in the library
      {
        branchId: "br_a",
        name: "A",
        members: 10,
        activeMembers: 10,
        earnedActiveMembers: 0,
        points: 300,
        earned: 0,
        activities: 90,
      },
      {
        branchId: "br_b",
        name: "B",
        members: 10,
        activeMembers: 6,
        earnedActiveMembers: 6,
        points: 120,
        earned: 100,
        activities: 40,
      },
    ];
    const byDefault = rankBranchesBySource(rows, { weight: 1, ranked: true });
    expect(byDefault.map((b) => [b.branchId, b.rank, b.activityRate, b.averagePoints, b.points])).toEqual([
      ["br_a", 1, 1, 30, 300],
      ["br_b", 2, 0.6, 12, 120],
    ]);
    const earnedOnly = rankBranchesBySource(rows, { weight: 1, ranked: false });
    expect(
      earnedOnly.map((b) => [b.branchId, b.rank, b.activityRate, b.averagePoints, b.claimed, b.score]),
    ).toEqual([
      ["br_b", 1, 0.6, 10, 20, 100],
      ["br_a", 2, 0, 0, 300, 0],
    ]);
    // activeMembers stays what was recorded; the rate is what ranked
    expect(earnedOnly[1]).toMatchObject({ activeMembers: 10, earnedActiveMembers: 0, points: 300 });
  });
});
