import { evaluationsRouter } from "../shared/router";
import * as handlers from "./inspections.handlers";
import * as routes from "./inspections.routes";

export const inspections = evaluationsRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.assessItem, handlers.assessItem)
  .openapi(routes.submit, handlers.submit)
  .openapi(routes.review, handlers.review)
  .openapi(routes.listDistrict, handlers.listDistrict);
