export * from "./funnel";
export * from "./period";
export * from "./scorecard";
