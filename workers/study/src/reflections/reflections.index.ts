import { studyRouter } from "../shared/router";
import * as handlers from "./reflections.handlers";
import * as routes from "./reflections.routes";

export const reflections = studyRouter()
  .openapi(routes.submit, handlers.submit)
  .openapi(routes.list, handlers.list)
  .openapi(routes.feature, handlers.feature)
  .openapi(routes.branchLearners, handlers.branchLearners)
  .openapi(routes.districtLearners, handlers.districtLearners)
  .openapi(routes.districtFeatured, handlers.districtFeatured);
