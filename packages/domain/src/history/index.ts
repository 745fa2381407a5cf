export * from "./cells";
export * from "./dues-history";
export * from "./meeting-history";
export * from "./roll";
