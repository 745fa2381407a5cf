import type { OpenAPIHono } from "@hono/zod-openapi";
import { log, OPENAPI_INFO } from "@vanguard/platform";
import type { ApiBindings, ApiEnv } from "../env";
import { MODULE_BINDINGS } from "../modules/module-routes";
import { applySpecRules, type SpecDoc } from "./spec-rules";

type Doc = SpecDoc;

let cached: Doc | null = null;

/**
 * The one spec clients see: the api worker's routes plus each module worker's fragment. Built
 * once per isolate; a module that cannot be reached is left out of that build and retried next time.
 * The spec rules (operation ids, summaries, headers, errors) apply to the merged whole.
 */
export async function mergedSpec(app: OpenAPIHono<ApiEnv>, env: ApiBindings): Promise<Doc> {
  if (cached) return cached;
  const doc = app.getOpenAPI31Document(OPENAPI_INFO) as unknown as Doc;
  let complete = true;
  for (const name of MODULE_BINDINGS) {
    const binding = env[name];
    if (!binding) continue;
    try {
      const res = await binding.fetch("https://module.internal/openapi.json");
      if (!res.ok) throw new Error(`status ${res.status}`);
      const part = (await res.json()) as Doc;
      doc.paths = { ...doc.paths, ...part.paths };
      for (const [kind, entries] of Object.entries(part.components ?? {})) {
        doc.components ??= {};
        doc.components[kind] = { ...doc.components[kind], ...entries };
      }
    } catch (err) {
      complete = false;
      log("warn", "module spec unavailable", { module: name, error: String(err) });
    }
  }
  applySpecRules(doc);
  if (complete) cached = doc;
  return doc;
}
