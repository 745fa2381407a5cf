import { studyRouter } from "../shared/router";
import * as handlers from "./quizzes.handlers";
import * as routes from "./quizzes.routes";

export const quizzes = studyRouter().openapi(routes.answer, handlers.answer);
