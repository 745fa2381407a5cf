import { onboardingRouter } from "../shared/router";
import * as handlers from "./cases.handlers";
import { importHistory } from "./cases.import";
import * as routes from "./cases.routes";

export const cases = onboardingRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.importHistory, importHistory)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.timeline, handlers.timeline)
  .openapi(routes.close, handlers.close);
