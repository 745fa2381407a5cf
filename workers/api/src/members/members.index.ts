import { apiRouter } from "../shared/router";
import * as handlers from "./members.handlers";
import { importCsv } from "./members.import";
import * as routes from "./members.routes";

export const members = apiRouter()
  .openapi(routes.importCsv, importCsv)
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.patch, handlers.patch);
