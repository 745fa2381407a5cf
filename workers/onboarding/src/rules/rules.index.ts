import { pipelineRules } from "./rules.routes";

export const rules = pipelineRules.router;
