import { createRouter } from "@vanguard/platform";

/** A feature router of the evaluations worker. */
export const evaluationsRouter = () => createRouter();
