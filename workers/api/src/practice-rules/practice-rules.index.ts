import { practiceRuleRoutes } from "./practice-rules.routes";

export const practiceRules = practiceRuleRoutes.router;
