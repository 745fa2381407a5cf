import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import {
  buildConsole,
  CONSOLE_BUILT,
  ensureDevVars,
  freePorts,
  migrate,
  startStack,
  stopStack,
  vendorAssets,
  waitForHealth,
} from "../../scripts/lib/stack.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    statePath: string;
  }
}

/**
 * Starts the real local stack once for the end-to-end suite: every worker under one
 * `wrangler dev`, fresh D1 state in a temporary directory, on a free loopback port.
 */
export default async function setup(project: TestProject) {
  ensureDevVars();
  vendorAssets();
  // `pnpm test` builds the console first; a lone `vitest run --project browser` builds it here
  if (!existsSync(CONSOLE_BUILT)) buildConsole();
  const state = mkdtempSync(join(tmpdir(), "vanguard-e2e-"));
  migrate(state);
  const [port, inspectorPort] = await freePorts(2);
  const child = startStack({ port: port!, inspectorPort, persistTo: state, traces: false });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => {
    output = (output + d).slice(-20_000);
  });
  child.stderr?.on("data", (d: Buffer) => {
    output = (output + d).slice(-20_000);
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base, child);
  } catch (err) {
    stopStack(child);
    throw new Error(`${(err as Error).message}\n${output}`);
  }
  project.provide("baseUrl", base);
  project.provide("statePath", state);
  return () => {
    stopStack(child);
    rmSync(state, { recursive: true, force: true });
  };
}
