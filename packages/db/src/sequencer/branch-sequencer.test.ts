import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { newId } from "../ids";
import { type DataEnv, DataPlane } from "../shards";
import { tenantContext } from "../tenant/context";
import { verifyBranchChain } from "../tenant/events";
import { insertMembers } from "../tenant/members";
import { tenantWrite } from "../write/tenant-write";
import type { ChainHead, TurnGrant } from "./branch-sequencer";

interface Stub {
  acquire(ticket: string, leaseMs: number, waitMs: number): Promise<TurnGrant>;
  release(ticket: string, head?: ChainHead): Promise<void>;
}
const granted = (g: TurnGrant) => g.granted;

const stub = (scope: string) => {
  const ns = (env as unknown as { SEQUENCER: DurableObjectNamespace }).SEQUENCER;
  return ns.get(ns.idFromName(scope)) as unknown as Stub;
};

describe("the chains' sequencer", () => {
  it("tells a writer whether it waited in line: a free turn is no sign of contention, a queued one is", async () => {
    const s = stub(newId("branch"));
    expect(await s.acquire("first", 60_000, 60_000)).toMatchObject({ granted: true, waited: false });
    const queued = s.acquire("second", 60_000, 60_000);
    await s.release("first");
    expect(await queued).toMatchObject({ granted: true, waited: true });
    await s.release("second");
    expect(await s.acquire("alone", 60_000, 60_000)).toMatchObject({ granted: true, waited: false });
    await s.release("alone");
  });

  it("hands turns out one at a time, in the order writers asked", async () => {
    const s = stub(newId("branch"));
    expect(granted(await s.acquire("a", 60_000, 60_000))).toBe(true);
    const order: string[] = [];
    const b = s.acquire("b", 60_000, 60_000).then((g) => order.push(`b:${g.granted}`));
    const c = s.acquire("c", 60_000, 60_000).then((g) => order.push(`c:${g.granted}`));
    // nobody else gets a turn while "a" holds it; a stranger's release changes nothing
    await s.release("not-the-holder");
    expect(order).toEqual([]);
    await s.release("a");
    await b;
    expect(order).toEqual(["b:true"]);
    await s.release("b");
    await c;
    expect(order).toEqual(["b:true", "c:true"]);
    await s.release("c");
  });

  it("ends the turn of a writer that died holding it, and lets a writer give up waiting", async () => {
    const s = stub(newId("branch"));
    expect(granted(await s.acquire("dead", 50, 60_000))).toBe(true);
    // "dead" never releases: its lease lapses and the next writer goes
    expect(granted(await s.acquire("next", 60_000, 60_000))).toBe(true);
    expect(granted(await s.acquire("impatient", 60_000, 20))).toBe(false);
    await s.release("next");
    expect(granted(await s.acquire("after", 60_000, 60_000))).toBe(true);
    await s.release("after");
  });

  it("hands each turn the head the last one left, and forgets it when a holder dies or does not say", async () => {
    const s = stub(newId("branch"));
    expect(await s.acquire("a", 60_000, 60_000)).toMatchObject({ granted: true, head: null });
    const next = s.acquire("b", 60_000, 60_000);
    const head = { seq: 7, hash: "a".repeat(64) };
    await s.release("a", head);
    expect(await next).toMatchObject({ granted: true, head });
    // a stranger cannot plant a head
    await s.release("not-the-holder", { seq: 9, hash: "f".repeat(64) });
    await s.release("b");
    // "b" did not say what it left: the next writer reads the head itself
    expect(await s.acquire("c", 50, 60_000)).toMatchObject({ granted: true, head: null });
    await s.release("c", head);
    expect(await s.acquire("dies", 50, 60_000)).toMatchObject({ granted: true, head });
    // "dies" never releases: after its lease nobody knows what it wrote
    expect(await s.acquire("after", 60_000, 60_000)).toMatchObject({ granted: true, head: null });
    await s.release("after");
  });

  it("lets fifty writers of one branch land in turn, none lost, the chain whole", async () => {
    const plane = new DataPlane(env as unknown as DataEnv);
    const t = tenantContext(plane, {
      districtId: "dt_test",
      branchId: newId("branch"),
      timeZone: "Asia/Shanghai",
      shard: 1,
    });
    const now = new Date().toISOString();
    const ids = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        tenantWrite(
          t,
          { actor: { principalId: "pr_t", role: "branch_admin", requestId: `req_${i}` } },
          async ({ event }) => {
            const p = {
              id: newId("member"),
              name: `并发${i}`,
              gender: "male" as const,
              birthDate: "1980-01-01",
              status: "applicant" as const,
              joinedBranchOn: "2020-01-01",
              createdAt: now,
              updatedAt: now,
            };
            return {
              statements: insertMembers(t, [p]),
              events: [event({ action: "member.created", subjectType: "member", subjectId: p.id })],
              result: p.id,
            };
          },
        ),
      ),
    );
    expect(new Set(ids).size).toBe(50);
    expect(await verifyBranchChain(t)).toMatchObject({ ok: true, length: 50 });
  });
});
