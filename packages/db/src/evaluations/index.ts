// @vanguard/db/evaluations: the evaluations worker's tables (inspections, duty tasks, 写实 records,
// appraisals, secretary reports, honours, templates). Imports core only.
export * from "./accountability";
export * from "./appraisals";
export * from "./branch-names";
export * from "./duty-tasks";
export * from "./honours";
export * from "./inspections";
export { EVALUATIONS_MEMBER_RECORDS } from "./member-records";
export * from "./people";
export * from "./records";
export * from "./secretary-reports";
export * from "./templates";
