/**
 * Tables owned by the study worker (shard side). Every table carries `district_id` and `branch_id`
 * and is keyed by `branch_id` first, like schema/shard.ts.
 */
export {};
