export * from "./render";
export * from "./templates";
