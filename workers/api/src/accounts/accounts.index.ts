import { apiRouter } from "../shared/router";
import * as handlers from "./accounts.handlers";
import * as routes from "./accounts.routes";

export const accounts = apiRouter()
  .openapi(routes.createDistrictAccount, handlers.createDistrictAccount)
  .openapi(routes.listDistrictAccounts, handlers.listDistrictAccounts)
  .openapi(routes.createBranchAccount, handlers.createBranchAccount)
  .openapi(routes.listBranchAccounts, handlers.listBranchAccounts)
  .openapi(routes.disableAccount, handlers.disableAccount)
  .openapi(routes.resetPassword, handlers.resetPassword);
