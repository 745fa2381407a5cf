import { apiRouter } from "../shared/router";
import * as handlers from "./districts.handlers";
import * as routes from "./districts.routes";

export const districts = apiRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get);
