import { createRouter } from "@vanguard/platform";
import type { OnboardingBindings } from "../env";

/** A feature router of the onboarding worker. */
export const onboardingRouter = () => createRouter<OnboardingBindings>();
