export const D1_IDS: Record<"DIRECTORY" | "SHARD_0" | "SHARD_1", string>;
export const TEST_SECRETS: Record<string, string>;
export function moduleWorkers(modules?: string[]): Promise<Record<string, unknown>[]>;
