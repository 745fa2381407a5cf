import { studyRules } from "./rules.routes";

export const rules = studyRules.router;
