import { evaluationRules } from "./rules.routes";

export const rules = evaluationRules.router;
