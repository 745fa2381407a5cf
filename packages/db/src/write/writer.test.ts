import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { newId } from "../ids";
import { events, members, shardIdempotency } from "../schema/shard";
import { type DataEnv, DataPlane } from "../shards";
import { tenantContext } from "../tenant/context";
import { verifyBranchChain } from "../tenant/events";
import { getMember, insertMembers, updateMember } from "../tenant/members";
import { ConflictError, IdempotentReplay, StaleError } from "./errors";
import type { Sequencer } from "./sequencer";
import { bulkInsert } from "./sql";
import { tenantWrite, tenantWriteReading } from "./tenant-write";
import { chainEvents, commitWrite, type Head } from "./writer";

const plane = () => new DataPlane(env as unknown as DataEnv);
const actor = { principalId: "pr_test", role: "branch_admin", requestId: "req_test" };

function tc(branchId = newId("branch"), shard = 0) {
  return tenantContext(plane(), { districtId: "dt_test", branchId, timeZone: "Asia/Shanghai", shard });
}

function person(name: string) {
  const now = new Date().toISOString();
  return {
    id: newId("member"),
    name,
    gender: "male" as const,
    birthDate: "1980-01-01",
    status: "applicant" as const,
    joinedBranchOn: "2020-01-01",
    createdAt: now,
    updatedAt: now,
  };
}

/** A member on the branch's roll, written through the write path. */
async function created(t: ReturnType<typeof tc>, name: string) {
  const p = person(name);
  await tenantWrite(t, { actor }, async ({ event }) => ({
    statements: insertMembers(t, [p]),
    events: [event({ action: "member.created", subjectType: "member", subjectId: p.id })],
    result: null,
  }));
  return p;
}

/** A branch on a plane of its own, so a test counts only its own round trips. */
function counted() {
  const pl = plane();
  const t = tenantContext(pl, {
    districtId: "dt_test",
    branchId: newId("branch"),
    timeZone: "Asia/Shanghai",
    shard: 0,
  });
  const roundTrips = async (run: () => Promise<unknown>) => {
    const before = pl.counter.roundTrips;
    await run();
    return pl.counter.roundTrips - before;
  };
  return { t, roundTrips };
}

/** A plan that puts one new member on the branch's roll, with its event on the branch's chain. */
function insertOne(t: ReturnType<typeof tc>, name = "接力") {
  const m = person(name);
  return {
    statements: insertMembers(t, [m]),
    events: [
      {
        scopeId: t.branchId,
        districtId: "dt_test",
        action: "member.created",
        subjectType: "member",
        subjectId: m.id,
      },
    ],
    result: m.id,
  };
}

/** How many members the branch's roll holds, counted straight from the table. */
async function rollSize(t: ReturnType<typeof tc>) {
  const row = await t.shard.d1
    .prepare("SELECT count(*) AS n FROM members WHERE branch_id = ?")
    .bind(t.branchId)
    .first<{ n: number }>();
  return row?.n;
}

/** The chain's last entry, read straight from the table. */
async function chainHead(t: ReturnType<typeof tc>) {
  return (await t.shard.d1
    .prepare("SELECT seq, hash FROM events WHERE scope_id = ? ORDER BY seq DESC LIMIT 1")
    .bind(t.branchId)
    .first<Head>())!;
}

/**
 * Renames a member still at version 1 (else StaleError) and answers the name it had, reading the
 * member inside the plan or with the chain's head (`tenantWriteReading`).
 */
function renameFromVersion1(
  t: ReturnType<typeof tc>,
  id: string,
  name: string,
  how: "in the plan" | "with the chain's head",
  onPlan: () => void = () => undefined,
) {
  type Row = { version: number; name: string };
  const decide = (current: Row, event: Parameters<Parameters<typeof tenantWrite>[2]>[0]["event"]) => {
    onPlan();
    if (current.version !== 1) throw new StaleError();
    return {
      statements: updateMember(t, id, current.version, { name }, new Date().toISOString()),
      events: [event({ action: "member.updated", subjectType: "member", subjectId: id })],
      result: current.name,
    };
  };
  if (how === "in the plan")
    return tenantWrite(t, { actor }, async ({ event }) => decide((await getMember(t, id))!, event));
  return tenantWriteReading(
    t,
    { actor },
    () => [t.shard.db.select().from(members).where(eq(members.id, id))] as const,
    async ({ event, read: [rows] }) => decide(rows[0]!, event),
  );
}

describe("the write path", () => {
  it("inserts thousands of rows in one statement per chunk, under D1's 100-parameter limit", async () => {
    const t = tc();
    const rows = Array.from({ length: 1234 }, (_, i) => ({
      ...person(`人${i}`),
      districtId: t.districtId,
      branchId: t.branchId,
    }));
    const statements = bulkInsert(t.shard.d1, members, rows);
    expect(statements).toHaveLength(3);
    await t.shard.d1.batch(statements);
    const n = await t.shard.d1
      .prepare("SELECT count(*) AS n FROM members WHERE branch_id = ?")
      .bind(t.branchId)
      .first<{ n: number }>();
    expect(n!.n).toBe(1234);
  });

  it("aborts the whole batch when a guarded update matched no row", async () => {
    const t = tc();
    const p = person("甲");
    await t.shard.d1.batch(insertMembers(t, [p]));
    const stale = updateMember(t, p.id, 7, { name: "乙" }, new Date().toISOString());
    await expect(t.shard.d1.batch([...stale, ...insertMembers(t, [person("丙")])])).rejects.toThrow(
      /write_guard/,
    );
    expect((await getMember(t, p.id))!.name).toBe("甲");
    const count = await t.shard.d1
      .prepare("SELECT count(*) AS n FROM members WHERE branch_id = ?")
      .bind(t.branchId)
      .first<{ n: number }>();
    expect(count!.n).toBe(1);
    // and passes when it did
    await t.shard.d1.batch(updateMember(t, p.id, 1, { name: "乙" }, new Date().toISOString()));
    expect((await getMember(t, p.id))!.name).toBe("乙");
  });

  it("serialises concurrent writers of one branch on the chain and loses none", async () => {
    const t = tc();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        tenantWrite(t, { actor }, async ({ event }) => {
          const p = person(`并发${i}`);
          return {
            statements: insertMembers(t, [p]),
            events: [event({ action: "member.created", subjectType: "member", subjectId: p.id })],
            result: p.id,
          };
        }),
      ),
    );
    expect(await verifyBranchChain(t)).toMatchObject({ ok: true, length: 10 });
  });

  it.each(["in the plan", "with the chain's head"] as const)(
    "re-plans against fresh data when another writer got in first (the data read %s)",
    async (how) => {
      const t = tc();
      const p = await created(t, "版本");
      let plans = 0;
      const rename = (name: string) => renameFromVersion1(t, p.id, name, how, () => plans++);
      const results = await Promise.allSettled([rename("一"), rename("二")]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.filter((r) => r.status === "rejected" && r.reason instanceof StaleError)).toHaveLength(
        1,
      );
      expect(plans).toBeGreaterThanOrEqual(2);
      expect((await getMember(t, p.id))!.version).toBe(2);
    },
  );

  it("asks a plan's reads with the chain's head: a write of two round trips", async () => {
    const { t, roundTrips } = counted();
    const p = await created(t, "读");
    let was: unknown;
    expect(
      await roundTrips(async () => {
        was = await renameFromVersion1(t, p.id, "一", "with the chain's head");
      }),
    ).toBe(2);
    expect(was).toBe("读");
    // the version the plan read is the one it was written on: the next rename reads version 2
    await expect(renameFromVersion1(t, p.id, "二", "with the chain's head")).rejects.toBeInstanceOf(
      StaleError,
    );
    expect((await getMember(t, p.id))!).toMatchObject({ name: "一", version: 2 });
  });

  it("re-plans when a concurrent writer trips the plan's own unique key or guard first", async () => {
    const t = tc();
    const p = person("唯一键");
    let plans = 0;
    // both plans see no row and insert the same id; the loser re-plans and finds the winner's row
    const insertOnce = () =>
      tenantWrite(t, { actor }, async ({ event }) => {
        plans += 1;
        const existing = await getMember(t, p.id);
        return {
          statements: existing ? [] : insertMembers(t, [p]),
          events: [
            event({
              action: existing ? "member.seen" : "member.created",
              subjectType: "member",
              subjectId: p.id,
            }),
          ],
          result: existing ? "seen" : "created",
        };
      });
    const results = await Promise.all([insertOnce(), insertOnce()]);
    expect(results.sort()).toEqual(["created", "seen"]);
    expect(plans).toBeGreaterThanOrEqual(3);
    expect(await verifyBranchChain(t)).toMatchObject({ ok: true, length: 2 });
  });

  it("turns a unique violation into a ConflictError and writes nothing", async () => {
    const t = tc();
    const p = person("唯一");
    await t.shard.d1.batch(insertMembers(t, [p]));
    await expect(
      tenantWrite(t, { actor }, async ({ event }) => ({
        statements: insertMembers(t, [{ ...person("另一"), id: p.id }]),
        events: [event({ action: "member.created", subjectType: "member", subjectId: p.id })],
        result: null,
      })),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await verifyBranchChain(t)).toMatchObject({ ok: true, length: 0 });
  });

  it("keeps each shard's data to itself", async () => {
    const branchId = newId("branch");
    const on0 = tc(branchId, 0);
    const on1 = tc(branchId, 1);
    const p = person("零号");
    await on0.shard.d1.batch(insertMembers(on0, [p]));
    expect(await getMember(on0, p.id)).toBeDefined();
    expect(await getMember(on1, p.id)).toBeUndefined();
  });

  it("commits on the head a turn hands over, and never links to a head that is not the chain's last", async () => {
    const released: (Head | undefined)[] = [];
    let handOver: Head | null = null;
    // the chain's sequencer as the write path sees it; the head it hands out is set by the test
    const sequencer: Sequencer = {
      async turn() {
        return { head: handOver, contended: true, release: async (h) => void released.push(h) };
      },
    };
    /** A write whose first plan lets another writer in first, so it loses the race and takes a turn. */
    const writeAfterLosing = async (t: ReturnType<typeof tc>, handed: (real: Head) => Head) => {
      const store = { d1: t.shard.d1, db: t.shard.db, events, idempotency: shardIdempotency, sequencer };
      let plans = 0;
      await commitWrite(store, { actor, scopes: [t.branchId] }, async () => {
        plans += 1;
        if (plans === 1) {
          await commitWrite(store, { actor, scopes: [t.branchId] }, async () => insertOne(t));
          handOver = handed(await chainHead(t));
        }
        return insertOne(t);
      });
      return plans;
    };

    // the true head: the writer in line plans once more and commits on it without reading it
    const a = tc();
    expect(await writeAfterLosing(a, (real) => real)).toBe(2);
    expect(released.at(-1)).toEqual(await chainHead(a));
    expect(await verifyBranchChain(a)).toMatchObject({ ok: true, length: 2 });

    // a forged head (the chain's last place, another hash) is refused by the chain itself: the
    // writer reads the head and tries once more, and the chain stays whole
    const b = tc();
    expect(await writeAfterLosing(b, (real) => ({ seq: real.seq, hash: "f".repeat(64) }))).toBe(3);
    expect(released.at(-1)).toEqual(await chainHead(b));
    expect(await verifyBranchChain(b)).toMatchObject({ ok: true, length: 2 });
  });

  it("lets a chain cool down after a collision nobody else waited on: the next write asks no turn", async () => {
    let turns = 0;
    const sequencer: Sequencer = {
      async turn() {
        turns += 1;
        return { head: null, contended: false, release: async () => undefined };
      },
    };
    const t = tc();
    const store = { d1: t.shard.d1, db: t.shard.db, events, idempotency: shardIdempotency, sequencer };
    const write = (name: string) =>
      commitWrite(store, { actor, scopes: [t.branchId] }, async () => insertOne(t, name));
    // two at once: one loses the race and takes a turn, granted at once
    await Promise.all([write("一"), write("二")]);
    expect(turns).toBe(1);
    // the collision is over: the next writer goes straight to the chain
    await write("三");
    expect(turns).toBe(1);
    expect(await verifyBranchChain(t)).toMatchObject({ ok: true, length: 3 });
  });

  describe("the head it left", () => {
    const store = (t: ReturnType<typeof tc>) => ({
      d1: t.shard.d1,
      db: t.shard.db,
      events,
      idempotency: shardIdempotency,
    });
    const write = (t: ReturnType<typeof tc>, name: string, key?: string) =>
      commitWrite(
        store(t),
        {
          actor,
          scopes: [t.branchId],
          status: 201,
          ...(key ? { idempotency: { principalId: actor.principalId, key, fingerprint: "fp" } } : {}),
        },
        async () => insertOne(t, name),
      );
    it("starts the next write to the chain from it: one round trip, on a chain that verifies", async () => {
      const { t, roundTrips } = counted();
      expect(await roundTrips(() => write(t, "一"))).toBe(2);
      expect(await roundTrips(() => write(t, "二"))).toBe(1);
      expect(await roundTrips(() => write(t, "三"))).toBe(1);
      expect(await verifyBranchChain(t)).toMatchObject({ ok: true, length: 3 });
    });

    it("is refused by the chain when a writer elsewhere moved it; the write reads the head and goes again", async () => {
      const { t, roundTrips } = counted();
      await write(t, "本机");
      // another isolate's write: the chain moves on without this isolate knowing
      const elsewhere = insertOne(t, "别处");
      const chained = await chainEvents(elsewhere.events, new Map([[t.branchId, await chainHead(t)]]), actor);
      await t.shard.d1.batch([...bulkInsert(t.shard.d1, events, chained), ...elsewhere.statements]);

      // the remembered head fails its check, the write reads the head and commits: three round trips
      expect(await roundTrips(() => write(t, "之后"))).toBe(3);
      expect(await verifyBranchChain(t)).toMatchObject({ ok: true, length: 3 });
      expect(await rollSize(t)).toBe(3);
    });

    it("is not used by a write with an Idempotency-Key: the key is read with the head, and a retry answered at once", async () => {
      const { t, roundTrips } = counted();
      await write(t, "之前");
      let first: unknown;
      expect(
        await roundTrips(async () => {
          first = await write(t, "幂等", "key-1");
        }),
      ).toBe(2);
      let retry: unknown;
      expect(
        await roundTrips(async () => {
          retry = await write(t, "幂等", "key-1").catch((e: unknown) => e);
        }),
      ).toBe(1);
      expect(retry).toBeInstanceOf(IdempotentReplay);
      expect(retry).toMatchObject({ status: 201, body: JSON.stringify(first), fingerprintMatches: true });
      expect(await verifyBranchChain(t)).toMatchObject({ ok: true, length: 2 });
      expect(await rollSize(t)).toBe(2);
    });
  });
});
