import { defineConfig } from "vitest/config";

/**
 * `pnpm test`: domain unit tests in Node, each worker's tests inside workerd, and the end-to-end
 * suite against the real local stack.
 */
export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "workers/*/vitest.config.ts", "tests/vitest.config.ts"],
  },
});
