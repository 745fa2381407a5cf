import { describe, expect, it } from "vitest";
import { http, must, tenant } from "../support/http";

// The stack keeps keys, branches and a district's rules in the isolate's memory for a few seconds
// (AUTH_CACHE_SECONDS): once warm, a read of the branch's day or dues is one D1 round trip, and
// with nothing written to the district since, one statement (the kept page, docs/architecture.md).
describe("reads in one round trip over HTTP", () => {
  const cost = (r: { headers: Headers }) => ({
    statements: Number(r.headers.get("x-d1-queries")),
    roundTrips: Number(r.headers.get("x-d1-round-trips")),
  });

  it("the branch's day and the month's dues, warm", async () => {
    const t = await tenant(1);
    for (let i = 0; i < 3; i++)
      await must("POST", `/v1/branches/${t.branch.id}/members`, {
        key: t.branchKey,
        body: {
          name: `党员${i}`,
          gender: "female",
          birthDate: `1980-05-0${i + 1}`,
          status: "full",
          joinedOn: "2012-07-01",
          joinedBranchOn: "2012-07-01",
        },
      });
    for (const path of [`/v1/branches/${t.branch.id}/today`, `/v1/branches/${t.branch.id}/dues?limit=50`]) {
      const first = await http("GET", path, { key: t.branchKey });
      const warm = await http("GET", path, { key: t.branchKey });
      expect(first.status, path).toBe(200);
      expect(warm.status, path).toBe(200);
      expect(warm.body, path).toEqual(first.body);
      expect(cost(warm).roundTrips, path).toBe(1);
      expect(cost(warm).statements, path).toBe(1);
    }
    // every member behind with dues is on the day's arrears card, as on the dues page
    const day = await must("GET", `/v1/branches/${t.branch.id}/today`, { key: t.branchKey });
    const dues = await must("GET", `/v1/branches/${t.branch.id}/dues?limit=50`, { key: t.branchKey });
    expect(day.arrears.map((a: { memberId: string }) => a.memberId)).toEqual(
      dues.items
        .filter((l: { arrearsSeverity: string }) => l.arrearsSeverity !== "none")
        .map((l: { memberId: string }) => l.memberId),
    );
    expect(day.arrears).toHaveLength(3);

    // a payment is a write to the district: both pages are computed again and show it at once
    const month = dues.month as string;
    const payer = dues.items[0].memberId as string;
    await must("PUT", `/v1/branches/${t.branch.id}/members/${payer}/dues-basis`, {
      key: t.branchKey,
      body: { year: Number(month.slice(0, 4)), category: "employed", monthlyIncome: 8000 },
    });
    await must("POST", `/v1/branches/${t.branch.id}/dues/payments`, {
      key: t.branchKey,
      body: { memberId: payer, month, amount: 120, paidOn: `${month}-01` },
    });
    const duesAfter = await http("GET", `/v1/branches/${t.branch.id}/dues?limit=50`, { key: t.branchKey });
    expect(cost(duesAfter).statements).toBeGreaterThan(1);
    expect(duesAfter.body.items.find((l: { memberId: string }) => l.memberId === payer).paid).toBe(120);
    expect(duesAfter.body.totals.membersPaid).toBe(dues.totals.membersPaid + 1);
    const dayAfter = await must("GET", `/v1/branches/${t.branch.id}/today`, { key: t.branchKey });
    expect(
      dayAfter.arrears.find((a: { memberId: string }) => a.memberId === payer)?.consecutiveUnpaid ?? 0,
    ).toBeLessThan(day.arrears.find((a: { memberId: string }) => a.memberId === payer).consecutiveUnpaid);
  });

  it("refuses without credentials and outside scope, in Chinese by default", async () => {
    const t = await tenant(0);
    const other = await tenant(1);
    const none = await http("GET", `/v1/branches/${t.branch.id}/today`, { key: null });
    expect(none.status).toBe(401);
    const outside = await http("GET", `/v1/branches/${t.branch.id}/today`, { key: other.branchKey });
    expect(outside.status).toBe(404);
    expect(outside.headers.get("content-type")).toContain("application/problem+json");
    expect(outside.body.title).toMatch(/[\u4e00-\u9fff]/);
  });
});
