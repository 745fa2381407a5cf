// @vanguard/db/audits: the audits worker's tables (findings, runs, webhooks and their outbox) and the
// nightly snapshot, which reads across the other modules (it takes the onboarding case state).
export * from "./findings";
export { AUDITS_MEMBER_RECORDS } from "./member-records";
export * from "./module-snapshot";
export * from "./reseal";
export * from "./runs";
export * from "./snapshot";
export * from "./webhooks";
