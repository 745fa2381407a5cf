import { onboardingRouter } from "../shared/router";
import * as handlers from "./steps.handlers";
import * as routes from "./steps.routes";

export const steps = onboardingRouter().openapi(routes.record, handlers.record);
