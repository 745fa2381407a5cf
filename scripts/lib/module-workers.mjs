// Module workers as prebuilt scripts, for worker tests that need them beside the worker under test
// (the vitest plugin runs auxiliary workers from built output only).
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { MODULES, ROOT } from "./stack.mjs";

export const D1_IDS = {
  DIRECTORY: "7d1a0000-0000-4000-8000-000000000001",
  SHARD_0: "7d1a0000-0000-4000-8000-000000000100",
  SHARD_1: "7d1a0000-0000-4000-8000-000000000101",
};

export const TEST_SECRETS = {
  BOOTSTRAP_ADMIN_KEY: "vgk_test_platform_admin",
  INTERNAL_SECRET: "test-internal-secret",
  // 32 random bytes each (a key that decodes to text is refused); test-only values
  MEMBER_DATA_KEY: "JepIM4fpeHimppPjTFw4rHOo2W6PzxrZ36ct0JB2bnc=",
  MEMBER_LOOKUP_KEY: "IY7XW6PiAiftI7ABgvtWIuva5jsxQnWMzM3sjQOSlXQ=",
  LOG_REQUESTS: "0",
  // a test's storage is rolled back after it, an isolate's memory is not: the tests read afresh
  AUTH_CACHE_SECONDS: "0",
  WEBHOOK_RETRY_BASE_SECONDS: "1",
  // the tests read the X-D1-* counts
  D1_METRICS: "1",
  // limits at the binding's ceiling (weight 1): the Miniflare inside the vitest plugin refuses the
  // `delta` that lower limits need; test/rate-limit.test.ts drives a binding of its own instead
  RATE_LIMIT_PER_MINUTE: "1000000",
  SIGNIN_RATE_LIMIT_PER_MINUTE: "1000000",
  SERVICE_CONFIRM_RATE_LIMIT_PER_MINUTE: "1000000",
  // tests run their webhook receivers on loopback; production refuses every private address
  WEBHOOKS_ALLOW_LOOPBACK: "1",
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
