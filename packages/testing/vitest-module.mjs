import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { TEST_SECRETS } from "./secrets.mjs";

const root = new URL("../..", import.meta.url).pathname;
const kit = new URL(".", import.meta.url).pathname;

/**
 * The vitest project of a module worker (onboarding, study, evaluations, audits): the worker alone
 * in workerd with its own copy of the sequencer, the test secrets, and freshly migrated D1
 * databases for each test file. Run from the worker's directory (`workers/<name>/vitest.config.ts`).
 */
export function moduleWorkerConfig(name) {
  return defineConfig(async () => ({
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          // the sequencer is the api worker's; alone under test, this worker runs its own copy
          durableObjects: { SEQUENCER: "BranchSequencer" },
          bindings: {
            ...TEST_SECRETS,
            TEST_DIRECTORY_MIGRATIONS: await readD1Migrations(`${root}migrations/directory`),
            TEST_SHARD_MIGRATIONS: await readD1Migrations(`${root}migrations/shard`),
          },
        },
      }),
    ],
    test: {
      name,
      // timeouts catch hangs, not slowness: a loaded 2-core CI box runs these several times slower
      testTimeout: 60_000,
      hookTimeout: 120_000,
      include: ["test/**/*.test.ts"],
      setupFiles: [`${kit}src/apply-migrations.ts`],
    },
  }));
}
