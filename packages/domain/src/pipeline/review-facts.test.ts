import { describe, expect, it } from "vitest";
import { cultivationReviewFacts, cultivationReviewPeriod, type ReviewServiceSession } from "./review-facts";
import { HAPPY_PATH, until, walk } from "./testing";

// the happy path files the activist on 2023-04-25 and reviews on 2023-10-10 and 2024-04-08
const beforeFirst = walk(until("cultivation_review"));
const beforeSecond = walk(until("cultivation_review").concat(HAPPY_PATH[5]!));

let n = 0;
const session = (servedOn: string, hours: number, status: ReviewServiceSession["status"] = "confirmed") => ({
  id: `ss_${++n}`,
  servedOn,
  hours,
  status,
});

describe("a cultivation review's service facts", () => {
  it("covers the first review from the activist filing through the review day, both included", () => {
    expect(cultivationReviewPeriod(beforeFirst, "2023-10-10")).toEqual({
      from: "2023-04-25",
      to: "2023-10-10",
    });
    const onFiling = session("2023-04-25", 2);
    const onReview = session("2023-10-10", 1.5);
    const facts = cultivationReviewFacts(beforeFirst, "2023-10-10", [
      session("2023-04-24", 3),
      onFiling,
      session("2023-07-01", 4),
      onReview,
      session("2023-10-11", 5),
    ]);
    expect(facts.service).toMatchObject({
      from: "2023-04-25",
      to: "2023-10-10",
      confirmedHours: 7.5,
      confirmedSessions: 3,
    });
    expect(facts.service.sessionIds[0]).toBe(onFiling.id);
    expect(facts.service.sessionIds.at(-1)).toBe(onReview.id);
  });

  it("covers a later review from the day after the previous one, so no session counts twice", () => {
    expect(cultivationReviewPeriod(beforeSecond, "2024-04-08")).toEqual({
      from: "2023-10-11",
      to: "2024-04-08",
    });
    const facts = cultivationReviewFacts(beforeSecond, "2024-04-08", [
      session("2023-10-10", 6), // seen by the first review
      session("2023-10-11", 2),
      session("2024-04-08", 2.5),
      session("2024-04-09", 8),
    ]);
    expect(facts.service).toMatchObject({ from: "2023-10-11", confirmedHours: 4.5, confirmedSessions: 2 });
  });

  it("counts only confirmed sessions", () => {
    const facts = cultivationReviewFacts(beforeFirst, "2023-10-10", [
      session("2023-06-01", 3, "pending"),
      session("2023-06-02", 2),
    ]);
    expect(facts.service).toMatchObject({ confirmedHours: 2, confirmedSessions: 1 });
    expect(
      cultivationReviewFacts(beforeFirst, "2023-10-10", [session("2023-06-01", 3, "pending")]).service,
    ).toMatchObject({ confirmedHours: 0, confirmedSessions: 0, sessionIds: [] });
  });

  it("counts from the designation while the filing is not recorded, and adds tenths exactly", () => {
    const unfiled = walk(until("cultivation_review").filter((s) => s.step !== "activist_filing"));
    expect(cultivationReviewPeriod(unfiled, "2023-10-10").from).toBe("2023-04-15");
    const facts = cultivationReviewFacts(unfiled, "2023-10-10", [
      session("2023-04-15", 0.1),
      session("2023-04-16", 0.2),
    ]);
    expect(facts.service.confirmedHours).toBe(0.3);
  });
});
