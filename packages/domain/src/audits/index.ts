export * from "./district-rules";
export * from "./finding";
export * from "./module-rules";
export * from "./practice-audits";
export * from "./reconcile";
export * from "./rules";
export * from "./snapshot";
