import { apiRouter } from "../shared/router";
import * as handlers from "./practice-rules.handlers";
import * as routes from "./practice-rules.routes";

export const practiceRules = apiRouter().openapi(routes.get, handlers.get).openapi(routes.put, handlers.put);
