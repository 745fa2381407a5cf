// Tenant-scoped data access for the study worker.
export { STUDY_MEMBER_RECORDS } from "./member-records";
