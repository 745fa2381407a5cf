import { apiRouter } from "../shared/router";
import * as handlers from "./reports.handlers";
import * as routes from "./reports.routes";

export const reports = apiRouter()
  .openapi(routes.compliance, handlers.compliance)
  .openapi(routes.development, handlers.development)
  .openapi(routes.study, handlers.study)
  .openapi(routes.trends, handlers.trends);
