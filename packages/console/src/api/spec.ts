import { send } from "./client";

let served: Promise<unknown> | undefined;

/** The API's own OpenAPI document, read once per page load (the step forms are drawn from it). */
export function servedSpec(): Promise<unknown> {
  served ??= send("GET", "/openapi.json").then((r) => r.json());
  // a failed read is asked again next time
  served.catch(() => {
    served = undefined;
  });
  return served;
}
