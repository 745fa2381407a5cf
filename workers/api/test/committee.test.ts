import { describe, expect, it } from "vitest";
import { call, newMember, newTenant } from "./harness";

describe("branch committee", () => {
  it("sets a committee of full members and refuses one that breaks the rules", async () => {
    const t = await newTenant();
    const [a, b, c] = [
      await newMember(t.branch.id, t.branchKey, { name: "书记", idNumber: null }),
      await newMember(t.branch.id, t.branchKey, { name: "组织委员", idNumber: null }),
      await newMember(t.branch.id, t.branchKey, { name: "宣传委员", idNumber: null }),
    ];
    const probationary = await newMember(t.branch.id, t.branchKey, {
      name: "预备",
      idNumber: null,
      status: "probationary",
      joinedOn: "2026-03-01",
    });
    const bad = await call(`/v1/branches/${t.branch.id}/committee`, {
      method: "PUT",
      key: t.branchKey,
      body: {
        termStart: "2024-01-01",
        termEnd: "2027-01-01",
        posts: [{ memberId: probationary.id, post: "secretary" }],
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { rule: string }) => e.rule)).toEqual(["committee_member_not_full"]);

    const ok = await call(`/v1/branches/${t.branch.id}/committee`, {
      method: "PUT",
      key: t.branchKey,
      body: {
        termStart: "2024-01-01",
        termEnd: "2027-01-01",
        version: 0,
        posts: [
          { memberId: a.id, post: "secretary" },
          { memberId: b.id, post: "organization" },
          { memberId: c.id, post: "propaganda" },
        ],
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(1);
    const got = await call(`/v1/branches/${t.branch.id}/committee`, { key: t.districtKey });
    expect(got.body.posts).toContainEqual({ memberId: a.id, post: "secretary", name: "书记" });
    const stale = await call(`/v1/branches/${t.branch.id}/committee`, {
      method: "PUT",
      key: t.branchKey,
      body: { termStart: "2024-01-01", termEnd: "2027-01-01", version: 0, posts: [] },
    });
    expect(stale.status).toBe(409);
  });
});
