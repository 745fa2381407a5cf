import { apiRouter } from "../shared/router";
import * as handlers from "./auth.handlers";
import * as routes from "./auth.routes";

export const auth = apiRouter()
  .openapi(routes.login, handlers.login)
  .openapi(routes.me, handlers.me)
  .openapi(routes.changePassword, handlers.changePassword)
  .openapi(routes.logout, handlers.logout);
