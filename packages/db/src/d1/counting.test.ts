import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { type DataEnv, DataPlane } from "../shards";

const one = (d1: D1Database) => d1.prepare("SELECT 1 AS n").all();

describe("the D1 counter's round trips", () => {
  it("counts calls in a row one each, a batch once, and calls side by side once", async () => {
    const plane = new DataPlane(env as unknown as DataEnv);
    const shard = plane.shard(0).d1;
    const directory = plane.directory.d1;
    await one(shard);
    await shard.batch([shard.prepare("SELECT 1"), shard.prepare("SELECT 2"), shard.prepare("SELECT 3")]);
    expect(plane.counter).toMatchObject({ queries: 4, roundTrips: 2 });
    // the directory and a shard asked at once are one wait
    await Promise.all([one(directory), one(shard)]);
    expect(plane.counter).toMatchObject({ queries: 6, roundTrips: 3 });
  });

  it("counts a call that waited for another as the next round trip, even beside a third", async () => {
    const plane = new DataPlane(env as unknown as DataEnv);
    const shard = plane.shard(0).d1;
    // two chains side by side, one of two calls and one of one: the request waited twice
    await Promise.all([one(shard).then(() => one(shard)), one(plane.directory.d1)]);
    expect(plane.counter).toMatchObject({ queries: 3, roundTrips: 2 });
  });
});
