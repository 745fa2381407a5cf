// Tenant-scoped data access for the audits worker.
export { AUDITS_MEMBER_RECORDS } from "./member-records";
