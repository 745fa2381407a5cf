// Tenant-scoped data access for the onboarding worker.
export * from "./case-reads";
export * from "./case-state";
export * from "./cases";
export * from "./complaints";
export * from "./member-records";
export * from "./member-status";
export * from "./sanctions";
export * from "./steps";
