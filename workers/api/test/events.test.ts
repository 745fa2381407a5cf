import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, newMember, newTenant } from "./harness";

describe("hash-chained event log", () => {
  it("records who did what, before and after, and verifies", async () => {
    const t = await newTenant();
    const m = await newMember(t.branch.id, t.branchKey, { idNumber: null });
    await call(`/v1/branches/${t.branch.id}/members/${m.id}`, {
      method: "PATCH",
      key: t.branchKey,
      body: { version: 1, education: "研究生" },
    });
    const log = await call(`/v1/branches/${t.branch.id}/events`, { key: t.auditorKey });
    expect(log.status).toBe(200);
    const [created, updated] = log.body.items;
    expect(created).toMatchObject({
      seq: 1,
      action: "member.created",
      subjectId: m.id,
      actorRole: "branch_admin",
    });
    expect(created.prevHash).toBe("0".repeat(64));
    expect(updated).toMatchObject({
      seq: 2,
      prevHash: created.hash,
      before: { education: "大学本科" },
      after: { education: "研究生" },
    });
    expect((await call(`/v1/branches/${t.branch.id}/events/verify`, { key: t.auditorKey })).body).toEqual({
      ok: true,
      length: 2,
      head: updated.hash,
    });
  });

  it.each([
    [
      "an edited payload",
      "UPDATE events SET after = replace(after, '王晓明', '李鬼') WHERE scope_id = ? AND seq = 2",
    ],
    ["a deleted row", "DELETE FROM events WHERE scope_id = ? AND seq = 2"],
    [
      "a re-hashed row",
      "UPDATE events SET action = 'member.deleted', hash = 'ab' || substr(hash, 3) WHERE scope_id = ? AND seq = 2",
    ],
  ])("detects %s", async (_, sql) => {
    const t = await newTenant({ shard: 1 });
    for (let i = 0; i < 3; i++) await newMember(t.branch.id, t.branchKey, { idNumber: null });
    await env.SHARD_1!.prepare(sql).bind(t.branch.id).run();
    const verdict = await call(`/v1/branches/${t.branch.id}/events/verify`, { key: t.branchKey });
    expect(verdict.body.ok).toBe(false);
    expect(verdict.body.brokenAt).toBeLessThanOrEqual(3);
    expect(verdict.body.brokenAt).toBeGreaterThanOrEqual(2);
  });
});
