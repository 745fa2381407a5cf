import { apiRouter } from "../shared/router";
import { exportRollCsv } from "./members.export";
import * as handlers from "./members.handlers";
import { importCsv } from "./members.import";
import * as routes from "./members.routes";

export const members = apiRouter()
  .openapi(routes.importCsv, importCsv)
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  // before `/members/{memberId}`, which would take "export" for an id
  .openapi(routes.exportRoll, exportRollCsv)
  .openapi(routes.get, handlers.get)
  .openapi(routes.patch, handlers.patch);
