import { apiRouter } from "../shared/router";
import * as handlers from "./keys.handlers";
import * as routes from "./keys.routes";

export const keys = apiRouter()
  .openapi(routes.issueDistrictKey, handlers.issueDistrictKey)
  .openapi(routes.issuePlatformKey, handlers.issuePlatformKey)
  .openapi(routes.issueBranchKey, handlers.issueBranchKey)
  .openapi(routes.listBranchKeys, handlers.listBranchKeysHandler)
  .openapi(routes.revoke, handlers.revoke);
