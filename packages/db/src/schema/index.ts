export * as directory from "./directory";
export type { EventTable, IdempotencyTable } from "./events";
export * as shard from "./shard";
