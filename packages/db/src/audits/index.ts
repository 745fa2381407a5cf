// Tenant-scoped data access for the audits worker.

export * from "./findings";
export { AUDITS_MEMBER_RECORDS } from "./member-records";
export * from "./module-snapshot";
export * from "./reseal";
export * from "./runs";
export * from "./snapshot";
export * from "./webhooks";
