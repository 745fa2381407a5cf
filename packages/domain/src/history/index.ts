export * from "./cells";
export * from "./dues-history";
export * from "./roll";
