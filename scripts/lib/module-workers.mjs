// Module workers as prebuilt scripts, for worker tests that need them beside the worker under test
// (the vitest plugin runs auxiliary workers from built output only).
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
// the secrets every test run uses live with the test kit
import { TEST_SECRETS } from "../../packages/testing/secrets.mjs";
import { MODULES, ROOT } from "./stack.mjs";

export { TEST_SECRETS };

export const D1_IDS = {
  DIRECTORY: "7d1a0000-0000-4000-8000-000000000001",
  SHARD_0: "7d1a0000-0000-4000-8000-000000000100",
  SHARD_1: "7d1a0000-0000-4000-8000-000000000101",
};

/** The audits worker's queues as its wrangler.toml declares them (fast retries for tests). */
const AUDIT_QUEUES = {
  queueProducers: { AUDIT_QUEUE: "vanguard-audits", WEBHOOK_QUEUE: "vanguard-webhooks" },
  queueConsumers: {
    "vanguard-audits": {
      maxBatchSize: 5,
      maxBatchTimeout: 1,
      maxRetries: 5,
      deadLetterQueue: "vanguard-audits-dlq",
    },
    "vanguard-webhooks": {
      maxBatchSize: 10,
      maxBatchTimeout: 1,
      maxRetries: 10,
      deadLetterQueue: "vanguard-audits-dlq",
    },
    "vanguard-audits-dlq": { maxBatchSize: 10, maxBatchTimeout: 1 },
  },
};

function build(module) {
  const outdir = join(ROOT, ".wrangler/build", module);
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(ROOT, "node_modules/.bin/wrangler"),
      ["deploy", "--dry-run", "--outdir", outdir, "-c", join(ROOT, "workers", module, "wrangler.toml")],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
      },
    );
    let err = "";
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("exit", (code) =>
      code === 0
        ? resolve(join(outdir, "index.js"))
        : reject(new Error(`building ${module} failed:\n${err}`)),
    );
  });
}

/** Builds the named module workers and returns them as Miniflare worker options. */
export async function moduleWorkers(modules = MODULES) {
  const built = await Promise.all(modules.map(build));
  return modules.map((m, i) => ({
    ...(m === "audits" ? AUDIT_QUEUES : {}),
    name: `vanguard-${m}`,
    modules: true,
    modulesRoot: dirname(built[i]),
    scriptPath: built[i],
    compatibilityDate: "2026-11-01",
    compatibilityFlags: ["nodejs_compat"],
    d1Databases: D1_IDS,
    // the bucket the api worker binds from wrangler.toml: one store, as under `wrangler dev`
    r2Buckets: { EVIDENCE: "vanguard-evidence" },
    bindings: TEST_SECRETS,
  }));
}
