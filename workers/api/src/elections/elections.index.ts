import { apiRouter } from "../shared/router";
import * as handlers from "./elections.handlers";
import * as routes from "./elections.routes";

export const elections = apiRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list);
