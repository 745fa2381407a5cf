import { evaluationsRouter } from "../shared/router";
import * as handlers from "./records.handlers";
import * as routes from "./records.routes";

export const records = evaluationsRouter()
  .openapi(routes.createBranch, handlers.createBranch)
  .openapi(routes.createMember, handlers.createMember)
  .openapi(routes.listBranch, handlers.listBranch)
  .openapi(routes.listMember, handlers.listMember)
  .openapi(routes.get, handlers.get);
