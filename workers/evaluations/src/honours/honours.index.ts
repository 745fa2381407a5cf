import { evaluationsRouter } from "../shared/router";
import * as handlers from "./honours.handlers";
import * as routes from "./honours.routes";

export const honours = evaluationsRouter()
  .openapi(routes.nominate, handlers.nominate)
  .openapi(routes.award, handlers.award)
  .openapi(routes.listModelPosts, handlers.listModelPosts)
  .openapi(routes.listDistrictModelPosts, handlers.listDistrictModelPosts)
  .openapi(routes.grantAward, handlers.grantAward)
  .openapi(routes.listAwards, handlers.listAwards)
  .openapi(routes.listDistrictAwards, handlers.listDistrictAwards);
