import { env } from "cloudflare:workers";
import { advanceAnchors, type DataEnv, DataPlane } from "@vanguard/db";
import { describe, expect, it } from "vitest";
import { call, newMember, newTenant, type Tenant } from "./harness";

/** Records the branch's head at `seq` as witnessed, as the daily audit does. */
async function witness(t: Tenant, seq: number) {
  const log = await call(`/v1/branches/${t.branch.id}/events?limit=200`, { key: t.branchKey });
  const row = log.body.items.find((e: { seq: number }) => e.seq === seq);
  await advanceAnchors(new DataPlane(env as unknown as DataEnv), [
    {
      scopeId: t.branch.id,
      districtId: t.district.id,
      seq,
      hash: row.hash,
      anchoredAt: new Date().toISOString(),
    },
  ]);
  return row.hash as string;
}

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
      verifiedFrom: 1,
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

  it("re-hashes only what came after the witnessed head by default; a full verify pages through everything", async () => {
    const t = await newTenant({ shard: 1 });
    for (let i = 0; i < 3; i++) await newMember(t.branch.id, t.branchKey, { idNumber: null });
    const anchored = await witness(t, 3);
    for (let i = 0; i < 2; i++) await newMember(t.branch.id, t.branchKey, { idNumber: null });
    const verify = (q = "") => call(`/v1/branches/${t.branch.id}/events/verify${q}`, { key: t.districtKey });
    const quick = await verify();
    expect(quick.body).toMatchObject({
      ok: true,
      length: 5,
      verifiedFrom: 3,
      anchor: { seq: 3, hash: anchored, holds: true },
    });

    // an in-place edit of a row before the witness, hash left alone: only a full verify re-hashes it
    await env
      .SHARD_1!.prepare(
        "UPDATE events SET after = replace(after, '王晓明', '李鬼') WHERE scope_id = ? AND seq = 2",
      )
      .bind(t.branch.id)
      .run();
    expect((await verify()).body).toMatchObject({ ok: true, verifiedFrom: 3 });
    const first = await verify("?full=true&limit=2");
    expect(first.body).toMatchObject({
      ok: false,
      brokenAt: 2,
      length: 1,
      verifiedFrom: 1,
      nextCursor: null,
    });
  });

  it("pages a full verify with a cursor and ends at the witnessed head", async () => {
    const t = await newTenant();
    for (let i = 0; i < 5; i++) await newMember(t.branch.id, t.branchKey, { idNumber: null });
    const anchored = await witness(t, 4);
    const pages = [];
    let cursor = "";
    do {
      const r = await call(
        `/v1/branches/${t.branch.id}/events/verify?full=true&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        { key: t.auditorKey },
      );
      expect(r.status).toBe(200);
      pages.push(r.body);
      cursor = r.body.nextCursor ?? "";
    } while (cursor && pages.length < 10);
    expect(pages.map((p) => [p.ok, p.verifiedFrom, p.length])).toEqual([
      [true, 1, 2],
      [true, 3, 4],
      [true, 5, 5],
    ]);
    expect(pages[2]).toMatchObject({ nextCursor: null, anchor: { seq: 4, hash: anchored, holds: true } });
    const bad = await call(`/v1/branches/${t.branch.id}/events/verify?full=true&cursor=nonsense`, {
      key: t.auditorKey,
    });
    expect(bad.status).toBe(400);
  });

  it("by default still catches a row changed after the witness, and a cut through it", async () => {
    const t = await newTenant({ shard: 1 });
    for (let i = 0; i < 3; i++) await newMember(t.branch.id, t.branchKey, { idNumber: null });
    await witness(t, 2);
    const verify = () => call(`/v1/branches/${t.branch.id}/events/verify`, { key: t.branchKey });
    await env
      .SHARD_1!.prepare("UPDATE events SET action = 'member.deleted' WHERE scope_id = ? AND seq = 3")
      .bind(t.branch.id)
      .run();
    expect((await verify()).body).toMatchObject({ ok: false, brokenAt: 3, verifiedFrom: 2 });
    await env.SHARD_1!.prepare("DELETE FROM events WHERE scope_id = ? AND seq >= 2").bind(t.branch.id).run();
    expect((await verify()).body).toMatchObject({
      ok: false,
      length: 1,
      brokenAt: 2,
      anchor: { seq: 2, holds: false },
    });
  });
});
