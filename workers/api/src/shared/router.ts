import { createRouter } from "@vanguard/platform";
import type { ApiBindings } from "../env";

/** A feature router of the api worker. */
export const apiRouter = () => createRouter<ApiBindings>();
