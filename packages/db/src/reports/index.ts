// Cross-branch reads for the reports: aggregates grouped by branch or month, a fixed number per shard.
export * from "./compliance";
export * from "./development";
export * from "./rollups";
export * from "./scope";
export * from "./study";
export * from "./trends";
