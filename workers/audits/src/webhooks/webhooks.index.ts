import { createRouter } from "@vanguard/platform";
import type { AuditsBindings } from "../env";
import * as handlers from "./webhooks.handlers";
import * as routes from "./webhooks.routes";

export const webhooksRouter = createRouter<AuditsBindings>()
  .openapi(routes.put, handlers.put)
  .openapi(routes.get, handlers.get)
  .openapi(routes.remove, handlers.remove)
  .openapi(routes.deliveries, handlers.deliveries);
