import { studyRouter } from "../shared/router";
import * as handlers from "./leaderboard.handlers";
import * as routes from "./leaderboard.routes";

export const leaderboard = studyRouter()
  .openapi(routes.branchLeaderboard, handlers.branchLeaderboard)
  .openapi(routes.districtLeaderboard, handlers.districtLeaderboard);
