import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "e2e",
    environment: "node",
    include: ["e2e/**/*.test.ts"],
    globalSetup: ["./support/global-setup.ts"],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    // one stack, many files: files run one after another so timings and D1 stay calm on 2 cores
    fileParallelism: false,
  },
});
