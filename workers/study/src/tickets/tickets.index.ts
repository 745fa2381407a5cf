import { studyRouter } from "../shared/router";
import * as handlers from "./tickets.handlers";
import * as routes from "./tickets.routes";

export const tickets = studyRouter()
  .openapi(routes.issue, handlers.issue)
  .openapi(routes.redeem, handlers.redeem);
