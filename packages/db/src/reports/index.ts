// Reads across the modules for summaries: the reports' aggregates grouped by branch or month (a
// fixed number per shard) with their rollups, and a branch's today page in one round trip.
export * from "./compliance";
export * from "./development";
export * from "./rollups";
export * from "./scope";
export * from "./study";
export * from "./today";
export * from "./trends";
