import { createRouter } from "@vanguard/platform";
import type { AuditsBindings } from "../env";
import * as handlers from "./runs.handlers";
import * as routes from "./runs.routes";

export const runsRouter = createRouter<AuditsBindings>()
  .openapi(routes.start, handlers.start)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get);
