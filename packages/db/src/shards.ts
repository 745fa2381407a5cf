import { drizzle } from "drizzle-orm/d1";
import { countingD1, type QueryCounter } from "./d1/counting";
import { durableSequencer, type Sequencer } from "./write/sequencer";

/** The D1 bindings every worker that touches data declares: the directory and SHARD_0..N. */
export interface DataEnv {
  DIRECTORY: D1Database;
  [binding: `SHARD_${number}`]: D1Database | undefined;
  /** the chains' sequencer (Durable Objects); without it, writers that collide only retry */
  SEQUENCER?: DurableObjectNamespace;
}

// Drizzle is given no schema: nothing uses its relational queries, and with a schema every
// `drizzle()` walks all the tables to build their config — on every request, since the plane is
// built per request.
export function openDirectory(d1: D1Database, sequencer?: Sequencer) {
  return { d1, db: drizzle(d1), sequencer };
}

export type DirectoryDb = ReturnType<typeof openDirectory>;

export function openShard(d1: D1Database, index: number, sequencer?: Sequencer) {
  return { index, d1, db: drizzle(d1), sequencer };
}

export type ShardDb = ReturnType<typeof openShard>;

/**
 * The data plane as one request sees it. Built once per request, so every statement the request
 * runs passes through one counter.
 */
export class DataPlane {
  readonly counter: QueryCounter = { queries: 0, roundTrips: 0, rowsRead: 0 };
  readonly directory: DirectoryDb;
  private readonly shards = new Map<number, ShardDb>();
  private readonly sequencer: Sequencer | undefined;

  constructor(private readonly env: DataEnv) {
    this.sequencer = env.SEQUENCER ? durableSequencer(env.SEQUENCER) : undefined;
    this.directory = openDirectory(countingD1(env.DIRECTORY, this.counter), this.sequencer);
  }

  get shardCount(): number {
    return shardCount(this.env);
  }

  /** Internal to packages/db: callers reach a shard only through a TenantContext. */
  shard(index: number): ShardDb {
    let s = this.shards.get(index);
    if (!s) {
      const d1 = this.env[`SHARD_${index}`];
      if (!d1) throw new Error(`no D1 binding SHARD_${index}`);
      s = openShard(countingD1(d1, this.counter), index, this.sequencer);
      this.shards.set(index, s);
    }
    return s;
  }
}

export function shardCount(env: DataEnv): number {
  let n = 0;
  while (env[`SHARD_${n}`]) n += 1;
  return n;
}
