import { studyRouter } from "../shared/router";
import * as handlers from "./summary.handlers";
import * as routes from "./summary.routes";

export const summary = studyRouter().openapi(routes.summary, handlers.summary);
