import { onboardingRouter } from "../shared/router";
import * as handlers from "./documents.handlers";
import * as routes from "./documents.routes";

export const documents = onboardingRouter().openapi(routes.caseDocument, handlers.caseDocument);
