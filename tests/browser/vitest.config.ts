import { defineProject } from "vitest/config";

/**
 * Browser tests: the real local stack (its own, started by the e2e global setup) driven through
 * Debian's Chromium with playwright-core. CI installs Chromium when this folder exists (.ci/run).
 */
export default defineProject({
  test: {
    name: "browser",
    environment: "node",
    include: ["**/*.test.ts"],
    globalSetup: ["../support/global-setup.ts"],
    testTimeout: 300_000,
    // a page or a queue that is slow on a busy box is still right: poll long, fail only on a hang
    expect: { poll: { timeout: 30_000, interval: 100 } },
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
