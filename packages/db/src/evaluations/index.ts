// Tenant-scoped data access for the evaluations worker.
export { EVALUATIONS_MEMBER_RECORDS } from "./member-records";
