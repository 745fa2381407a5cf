import { apiRouter } from "../shared/router";
import * as handlers from "./events.handlers";
import * as routes from "./events.routes";

export const events = apiRouter().openapi(routes.verify, handlers.verify).openapi(routes.list, handlers.list);
