import { describe, expect, it } from "vitest";
import { call, newMember, newTenant } from "./harness";

describe("D1 query budget", () => {
  it("lists members in the same few queries whatever the roll's size", async () => {
    const t = await newTenant();
    const cost = async () =>
      Number(
        (await call(`/v1/branches/${t.branch.id}/members?limit=50`, { key: t.branchKey })).headers.get(
          "x-d1-queries",
        ),
      );
    await newMember(t.branch.id, t.branchKey, { idNumber: null });
    const one = await cost();
    for (let i = 0; i < 60; i++)
      await newMember(t.branch.id, t.branchKey, { idNumber: null, name: `党员${i}` });
    // the key and the branch in one directory round trip, the page in one shard query
    expect(one).toBe(3);
    expect(await cost()).toBe(one);
  });

  it("answers dues of a month in one shard round trip whatever the roll's size", async () => {
    const t = await newTenant();
    const month = new Date().toISOString().slice(0, 7);
    const cost = async () => {
      const r = await call(`/v1/branches/${t.branch.id}/dues?month=${month}&limit=50`, { key: t.branchKey });
      expect(r.status).toBe(200);
      return [Number(r.headers.get("x-d1-queries")), Number(r.headers.get("x-d1-round-trips"))];
    };
    await newMember(t.branch.id, t.branchKey, { idNumber: null });
    const one = await cost();
    for (let i = 0; i < 20; i++)
      await newMember(t.branch.id, t.branchKey, { idNumber: null, name: `党员${i}` });
    // the worker tests keep no auth cache: one directory round trip (key and branch), then one
    // shard batch holding the page, its bases and payments, and the month's two totals
    expect(one).toEqual([2 + 5, 2]);
    expect(await cost()).toEqual(one);
  }, 120_000);
});
