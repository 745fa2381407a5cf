import { apiRouter } from "../shared/router";
import * as handlers from "./service-confirmations.handlers";
import * as routes from "./service-confirmations.routes";

export const serviceConfirmations = apiRouter().openapi(routes.confirm, handlers.confirm);
