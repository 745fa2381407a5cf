import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "e2e",
    environment: "node",
    include: ["e2e/**/*.test.ts"],
    globalSetup: ["./support/global-setup.ts"],
    testTimeout: 300_000,
    // a page or a queue that is slow on a busy box is still right: poll long, fail only on a hang
    expect: { poll: { timeout: 30_000, interval: 100 } },
    hookTimeout: 180_000,
    // one stack, many files: files run one after another so timings and D1 stay calm on 2 cores
    fileParallelism: false,
  },
});
