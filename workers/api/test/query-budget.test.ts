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
});
