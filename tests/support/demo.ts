import { join } from "node:path";
import { inject } from "vitest";
import { type DemoKeys, seedDemo } from "../../scripts/seed/index.mjs";
import { ADMIN_KEY, base } from "./http";

let demo: Promise<DemoKeys> | undefined;

/** The `pnpm dev` demo district on the e2e stack, seeded by whichever test file asks first. */
export function demoDistrict(): Promise<DemoKeys> {
  demo ??= seedDemo({
    base: base(),
    adminKey: ADMIN_KEY,
    keysFile: join(inject("statePath"), "demo-keys.json"),
  });
  return demo;
}
