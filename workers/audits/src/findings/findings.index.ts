import { createRouter } from "@vanguard/platform";
import type { AuditsBindings } from "../env";
import * as handlers from "./findings.handlers";
import * as routes from "./findings.routes";

export const findingsRouter = createRouter<AuditsBindings>()
  .openapi(routes.listBranch, handlers.listBranch)
  .openapi(routes.listDistrict, handlers.listDistrict)
  .openapi(routes.acknowledge, handlers.acknowledge)
  .openapi(routes.resolve, handlers.resolve);
