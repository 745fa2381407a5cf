import { apiRouter } from "../shared/router";
import * as handlers from "./calendar.handlers";
import * as routes from "./calendar.routes";

export const calendar = apiRouter().openapi(routes.get, handlers.get).openapi(routes.put, handlers.put);
