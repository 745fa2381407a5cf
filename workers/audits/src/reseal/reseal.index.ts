import { createRouter } from "@vanguard/platform";
import type { AuditsBindings } from "../env";
import * as handlers from "./reseal.handlers";
import * as routes from "./reseal.routes";

export const resealRouter = createRouter<AuditsBindings>().openapi(routes.reseal, handlers.reseal);
