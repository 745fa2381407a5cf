import { apiRouter } from "../shared/router";
import * as handlers from "./today.handlers";
import * as routes from "./today.routes";

export const today = apiRouter().openapi(routes.today, handlers.today);
