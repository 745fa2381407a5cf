// `pnpm lint:spec`: Redocly and Spectral over the spec the stack serves, as snapshotted in
// packages/client/openapi.json by `pnpm client:generate` (tests/e2e/client.test.ts fails when the
// snapshot and the served spec differ). Offline: no telemetry, no update check.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SPEC = join(ROOT, "packages/client/openapi.json");
const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
const bin = (name) => join(ROOT, "node_modules/.bin", name);

const runs = [
  [bin("redocly"), ["lint", SPEC, "--config", join(ROOT, "redocly.yaml"), "--format", "summary"]],
  [
    bin("spectral"),
    ["lint", SPEC, "--ruleset", join(ROOT, ".spectral.yaml"), "--fail-severity", "warn", "--quiet"],
  ],
];
let failed = false;
for (const [cmd, args] of runs) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env, cwd: ROOT });
  if (r.status !== 0) {
    console.error(`${cmd.split("/").pop()} found problems in packages/client/openapi.json`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
