import { defineConfig } from "vitest/config";

/**
 * `pnpm test`: domain unit tests in Node, each worker's tests inside workerd, the end-to-end
 * suite against the real local stack, and the dashboard in Chromium (tests/browser).
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
