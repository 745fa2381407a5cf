import { apiRouter } from "../shared/router";
import * as handlers from "./evidence.handlers";
import * as routes from "./evidence.routes";
import * as templates from "./templates.handlers";
import * as templateRoutes from "./templates.routes";

export const evidence = apiRouter()
  .openapi(routes.verify, handlers.verify)
  .route("/", routes.evidenceRules.router)
  .openapi(templateRoutes.list, templates.list)
  .openapi(templateRoutes.download, templates.download)
  .openapi(templateRoutes.upload, templates.upload);
