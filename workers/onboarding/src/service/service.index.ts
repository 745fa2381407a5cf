import { onboardingRouter } from "../shared/router";
import * as handlers from "./service.handlers";
import * as routes from "./service.routes";

export const service = onboardingRouter()
  .openapi(routes.register, handlers.register)
  .openapi(routes.registrations, handlers.registrations)
  .openapi(routes.record, handlers.record)
  .openapi(routes.sessions, handlers.sessions)
  .openapi(routes.summary, handlers.summary)
  .openapi(routes.report, handlers.report)
  .openapi(routes.confirm, handlers.confirm);
