import { createRouter } from "@vanguard/platform";

/** A feature router of the study worker. */
export const studyRouter = () => createRouter();
