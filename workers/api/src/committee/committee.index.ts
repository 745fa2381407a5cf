import { apiRouter } from "../shared/router";
import * as handlers from "./committee.handlers";
import * as routes from "./committee.routes";

export const committee = apiRouter().openapi(routes.put, handlers.put).openapi(routes.get, handlers.get);
