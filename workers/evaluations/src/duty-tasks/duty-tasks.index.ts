import { evaluationsRouter } from "../shared/router";
import * as handlers from "./duty-tasks.handlers";
import * as routes from "./duty-tasks.routes";

export const dutyTasks = evaluationsRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.complete, handlers.complete)
  .openapi(routes.verify, handlers.verify);
