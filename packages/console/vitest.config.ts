import { defineProject } from "vitest/config";

/** The console's own checks in Node: problem mapping, and the built bundle against its budgets. */
export default defineProject({
  test: {
    name: "console",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    environment: "node",
    include: ["test/**/*.test.ts"],
  },
});
