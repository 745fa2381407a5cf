import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const root = new URL("../..", import.meta.url).pathname;

export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      main: "./test/worker.ts",
      miniflare: {
        durableObjects: { SEQUENCER: "BranchSequencer" },
        compatibilityDate: "2026-11-01",
        compatibilityFlags: ["nodejs_compat"],
        d1Databases: ["DIRECTORY", "SHARD_0", "SHARD_1"],
        bindings: {
          TEST_DIRECTORY_MIGRATIONS: await readD1Migrations(`${root}migrations/directory`),
          TEST_SHARD_MIGRATIONS: await readD1Migrations(`${root}migrations/shard`),
        },
      },
    }),
  ],
  test: {
    name: "db",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    include: ["src/**/*.test.ts"],
    setupFiles: ["../testing/src/apply-migrations.ts"],
  },
}));
