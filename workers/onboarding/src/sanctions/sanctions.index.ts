import { onboardingRouter } from "../shared/router";
import * as handlers from "./sanctions.handlers";
import * as routes from "./sanctions.routes";

export const sanctions = onboardingRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list);
