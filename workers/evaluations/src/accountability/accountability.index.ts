import { evaluationsRouter } from "../shared/router";
import * as handlers from "./accountability.handlers";
import * as routes from "./accountability.routes";

export const accountability = evaluationsRouter()
  .openapi(routes.district, handlers.district)
  .openapi(routes.branch, handlers.branch);
