import { apiRouter } from "../shared/router";
import * as handlers from "./evidence.handlers";
import * as routes from "./evidence.routes";
import * as templates from "./templates.handlers";
import * as templateRoutes from "./templates.routes";

export const evidence = apiRouter()
  .openapi(routes.verify, handlers.verify)
  .openapi(routes.getRules, handlers.getRules)
  .openapi(routes.putRules, handlers.putRules)
  .openapi(templateRoutes.list, templates.list)
  .openapi(templateRoutes.download, templates.download)
  .openapi(templateRoutes.upload, templates.upload);
