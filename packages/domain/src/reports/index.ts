export * from "./funnel";
export * from "./labels";
export * from "./period";
export * from "./scorecard";
