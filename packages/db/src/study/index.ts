// @vanguard/db/study: the study worker's tables (study days and points, materials, quizzes, tickets,
// meetings and class hours). Imports core only.
export * from "./activities";
export * from "./materials";
export * from "./meetings";
export { STUDY_MEMBER_RECORDS } from "./member-records";
export * from "./standings";
export * from "./summary";
export * from "./tickets";
