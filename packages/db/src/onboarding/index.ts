// Tenant-scoped data access for the onboarding worker.
export { ONBOARDING_MEMBER_RECORDS } from "./member-records";
