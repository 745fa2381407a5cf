import { evaluationsRouter } from "../shared/router";
import * as handlers from "./appraisals.handlers";
import * as routes from "./appraisals.routes";

export const appraisals = evaluationsRouter()
  .openapi(routes.open, handlers.open)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.grade, handlers.grade)
  .openapi(routes.finalize, handlers.finalize);
