import { defineConfig } from "vitest/config";

/**
 * `pnpm test`: domain unit tests in Node, each worker's tests inside workerd, the end-to-end
 * suite against the real local stack, and the web console in Chromium (tests/browser). `pnpm test`
 * builds the console first (pnpm console:build); packages/console checks its bundle budgets.
 */
export default defineConfig({
  test: {
    projects: [
      "packages/*/vitest.config.ts",
      "workers/*/vitest.config.ts",
      "tests/vitest.config.ts",
      "tests/browser/vitest.config.ts",
    ],
  },
});
