import { apiRouter } from "../shared/router";
import * as handlers from "./branches.handlers";
import * as routes from "./branches.routes";

export const branches = apiRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.patch, handlers.patch)
  .openapi(routes.setRecordsFrom, handlers.setRecordsFrom);
