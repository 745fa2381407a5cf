// Tenant-scoped data access for the study worker.
export * from "./activities";
export * from "./materials";
export * from "./meetings";
export { STUDY_MEMBER_RECORDS } from "./member-records";
export * from "./standings";
export * from "./summary";
export * from "./tickets";
