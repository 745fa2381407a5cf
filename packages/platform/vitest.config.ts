import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "platform", environment: "node", include: ["src/**/*.test.ts"] },
});
