import { apiRouter } from "../shared/router";
import * as handlers from "./evidence.handlers";
import * as routes from "./evidence.routes";

export const evidence = apiRouter()
  .openapi(routes.verify, handlers.verify)
  .openapi(routes.getRules, handlers.getRules)
  .openapi(routes.putRules, handlers.putRules);
