import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { ApiBindings } from "../src/env";
import { MODULE_BINDINGS, moduleFor } from "../src/modules/module-routes";

type Doc = { paths: Record<string, unknown> };

/** A path of a spec with its parameters filled in, as a request would carry it. */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, "x_1");

async function fragment(name: (typeof MODULE_BINDINGS)[number]): Promise<string[]> {
  const binding = (env as unknown as ApiBindings)[name]!;
  const res = await binding.fetch("https://module.internal/openapi.json");
  expect(res.status).toBe(200);
  return Object.keys(((await res.json()) as Doc).paths);
}

describe("the module-route table", () => {
  it("sends every path a module worker serves to that module, and no other", async () => {
    const misrouted: string[] = [];
    for (const name of MODULE_BINDINGS) {
      const paths = await fragment(name);
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        const target = moduleFor(concrete(path));
        if (target?.binding !== name) misrouted.push(`${path} → ${target?.binding ?? "api"} (owner ${name})`);
      }
    }
    expect(misrouted).toEqual([]);
  });

  it("keeps the api worker's own paths for the api worker", async () => {
    const moduleOwned = new Set<string>();
    for (const name of MODULE_BINDINGS) for (const p of await fragment(name)) moduleOwned.add(p);
    const merged = (await (await exports.default.fetch("https://api.internal/openapi.json")).json()) as Doc;
    const stolen = Object.keys(merged.paths)
      .filter((p) => !moduleOwned.has(p))
      .filter((p) => moduleFor(concrete(p)) !== null);
    expect(stolen).toEqual([]);
    // the merged spec is the api worker's paths plus every module's
    for (const p of moduleOwned) expect(merged.paths[p]).toBeDefined();
  });
});
