import { apiRouter } from "../shared/router";
import * as handlers from "./dues.handlers";
import { importHistory } from "./dues.import";
import * as routes from "./dues.routes";

export const dues = apiRouter()
  .openapi(routes.setBasis, handlers.setBasis)
  .openapi(routes.recordPayment, handlers.recordPayment)
  .openapi(routes.overview, handlers.overview)
  .openapi(routes.importHistory, importHistory);
