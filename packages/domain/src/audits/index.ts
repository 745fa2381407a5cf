export * from "./finding";
export * from "./reconcile";
export * from "./rules";
export * from "./snapshot";
