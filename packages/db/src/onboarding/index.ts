// @vanguard/db/onboarding: the onboarding worker's tables (development cases, steps, complaints,
// sanctions). Imports core only.
export * from "./case-reads";
export * from "./case-state";
export * from "./cases";
export * from "./complaints";
export * from "./member-records";
export * from "./member-status";
export * from "./sanctions";
export * from "./steps";
