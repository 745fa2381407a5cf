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
    // the key and the branch in one directory round trip, the district's write count, the page in
    // one shard query; asked again with nothing written, the count alone (the kept page)
    expect(one).toBe(4);
    expect(await cost()).toBe(one);
    expect(await cost()).toBe(one - 1);
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
    // the worker tests keep no auth cache: one directory round trip (key and branch), the
    // district's write count, then one shard batch holding the page, its bases and payments, and
    // the month's two totals; asked again with nothing written, the count alone (the kept page)
    expect(one).toEqual([2 + 1 + 5, 3]);
    expect(await cost()).toEqual(one);
    expect(await cost()).toEqual([2 + 1, 2]);
  }, 120_000);
});
