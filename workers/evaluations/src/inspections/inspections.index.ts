import { evaluationsRouter } from "../shared/router";
import * as assess from "./inspections.assess";
import * as handlers from "./inspections.handlers";
import * as reviewing from "./inspections.review";
import * as routes from "./inspections.routes";

export const inspections = evaluationsRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.assessItem, assess.assessItem)
  .openapi(routes.submit, assess.submit)
  .openapi(routes.review, reviewing.review)
  .openapi(routes.listDistrict, handlers.listDistrict);
