import { studyRouter } from "../shared/router";
import * as handlers from "./materials.handlers";
import * as routes from "./materials.routes";

export const materials = studyRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.listForDistrict, handlers.listForDistrict)
  .openapi(routes.getForDistrict, handlers.getForDistrict)
  .openapi(routes.retire, handlers.retire)
  .openapi(routes.listForBranch, handlers.listForBranch)
  .openapi(routes.getForBranch, handlers.getForBranch);
