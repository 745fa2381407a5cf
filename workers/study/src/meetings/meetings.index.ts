import { createRouter } from "@vanguard/platform";
import type { StudyBindings } from "../env";
import { studyRouter } from "../shared/router";
import * as handlers from "./meetings.handlers";
import { importHistory } from "./meetings.import";
import * as routes from "./meetings.routes";

// compliance before {meetingId}, so the fixed path is never read as an id
export const meetings = studyRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.compliance, handlers.compliance)
  .openapi(routes.get, handlers.get)
  .openapi(routes.correct, handlers.correct);

/** History imports name people by identity number too, so they read the lookup-hash key. */
export const meetingImports = createRouter<StudyBindings>().openapi(routes.importHistory, importHistory);
