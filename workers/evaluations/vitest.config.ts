import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { TEST_SECRETS } from "../../scripts/lib/module-workers.mjs";

const root = new URL("../..", import.meta.url).pathname;

export default defineConfig(async () => ({
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
    name: "evaluations",
    // timeouts catch hangs, not slowness: a loaded 2-core CI box runs these several times slower
    testTimeout: 60_000,
    hookTimeout: 120_000,
    include: ["test/**/*.test.ts"],
    setupFiles: ["../../packages/db/test/apply-migrations.ts"],
  },
}));
