import { evaluationsRouter } from "../shared/router";
import * as handlers from "./secretary-reports.handlers";
import * as routes from "./secretary-reports.routes";

export const secretaryReports = evaluationsRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.review, handlers.review);
