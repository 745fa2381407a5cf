import { onboardingRouter } from "../shared/router";
import * as handlers from "./complaints.handlers";
import * as routes from "./complaints.routes";

export const complaints = onboardingRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.resolve, handlers.resolve)
  .openapi(routes.list, handlers.list);
