import { evaluationsRouter } from "../shared/router";
import * as handlers from "./rules.handlers";
import * as routes from "./rules.routes";

export const rules = evaluationsRouter().openapi(routes.get, handlers.get).openapi(routes.put, handlers.put);
