import { evaluationsRouter } from "../shared/router";
import * as handlers from "./templates.handlers";
import * as routes from "./templates.routes";

export const templates = evaluationsRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.revise, handlers.revise)
  .openapi(routes.retire, handlers.retire)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.listForBranch, handlers.listForBranch);
