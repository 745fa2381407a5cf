import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { moduleWorkers, TEST_SECRETS } from "../../scripts/lib/module-workers.mjs";

const root = new URL("../..", import.meta.url).pathname;

export default defineConfig(async () => {
  const [directory, shard, workers] = await Promise.all([
    readD1Migrations(`${root}migrations/directory`),
    readD1Migrations(`${root}migrations/shard`),
    moduleWorkers(),
  ]);
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: `${root}wrangler.toml` },
        miniflare: {
          bindings: { ...TEST_SECRETS, TEST_DIRECTORY_MIGRATIONS: directory, TEST_SHARD_MIGRATIONS: shard },
          workers,
        },
      }),
    ],
    test: {
      name: "api",
      // timeouts catch hangs, not slowness: a loaded 2-core CI box runs these several times slower
      testTimeout: 60_000,
      hookTimeout: 120_000,
      include: ["test/**/*.test.ts"],
      // the test kit's setup file: freshly migrated DIRECTORY and SHARD_n for each test file
      setupFiles: ["@vanguard/testing/apply-migrations"],
    },
  };
});
