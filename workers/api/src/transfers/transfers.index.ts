import { apiRouter } from "../shared/router";
import * as handlers from "./transfers.handlers";
import * as routes from "./transfers.routes";

export const transfers = apiRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.listOfBranch, handlers.listOfBranch)
  .openapi(routes.get, handlers.get)
  .openapi(routes.accept, handlers.accept)
  .openapi(routes.cancel, handlers.cancel);
