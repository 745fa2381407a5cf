import { studyRouter } from "../shared/router";
import * as handlers from "./activities.handlers";
import * as routes from "./activities.routes";

export const activities = studyRouter()
  .openapi(routes.record, handlers.record)
  .openapi(routes.recordBatch, handlers.recordBatch);
