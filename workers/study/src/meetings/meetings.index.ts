import { studyRouter } from "../shared/router";
import * as handlers from "./meetings.handlers";
import * as routes from "./meetings.routes";

// compliance before {meetingId}, so the fixed path is never read as an id
export const meetings = studyRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.compliance, handlers.compliance)
  .openapi(routes.get, handlers.get)
  .openapi(routes.correct, handlers.correct);
